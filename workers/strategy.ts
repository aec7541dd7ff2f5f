// First, before anything connects to Kafka: this process must not outlive the app.
import "./runtime/parent-watch";
import { STRATEGIES, inputTopic } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { sourceHeaders } from "@/lib/pipeline/delivery";
import { strategyStep } from "@/lib/pipeline/strategy-step";
import { startDeliveryLoop } from "./runtime/delivery-loop";
import { runWorker } from "./runtime/lifecycle";
import { WorkerMetrics } from "./runtime/metrics";
import { startStreamLoop, type StepResult } from "./runtime/stream-loop";
import type { LabBatch } from "@/kafka/types";

/** X_input → X_output for A, B, C and D: the stateless strategy transform. */
runWorker(async ({ config, kafka, log, clock, fail }) => {
  const names = topicNames(config.LAB_TOPIC_PREFIX);
  const component = config.LAB_COMPONENT;
  const metrics = new WorkerMetrics(clock, null, config.LAB_SETTINGS);

  // Output topic names, prefixed once rather than per record.
  const prefixed = new Map<string, string>();
  const outputName = (base: string) => prefixed.get(base) ?? (prefixed.set(base, names.name(base)), names.name(base));

  const step = (batch: LabBatch): StepResult => {
    const now = clock();
    const outputs = [];
    let deadLetters = 0;
    const completedEventTimes: number[] = [];
    const inputTopic = names.base(batch.topic);
    for (const rec of batch.records) {
      // The adapter made this record for this batch alone: renamed in place rather than copied.
      rec.topic = inputTopic;
      const out = strategyStep(rec, now, component);
      // Every output names its input, so the in = out check tells a duplicate from a loss.
      out.record.topic = outputName(out.record.topic);
      out.record.headers = sourceHeaders(rec.partition, rec.offset);
      outputs.push(out.record);
      if (out.kind === "dead") deadLetters++;
      else completedEventTimes.push(rec.timestamp);
    }
    return { outputs, deadLetters, commitOffset: batch.nextOffset, completedEventTimes };
  };

  const groupId = names.group(component);
  const topics = STRATEGIES.map((s) => names.name(inputTopic(s)));
  const mode = config.LAB_DELIVERY_MODE;
  const loop =
    mode === "exactly-once"
      ? await startStreamLoop({
          consumer: kafka.consumer({ groupId }),
          producer: kafka.producer({ transactionalId: `${groupId}-${config.LAB_INSTANCE}` }),
          groupId,
          topics,
          metrics,
          clock,
          log,
          step,
          onFatal: fail,
        })
      : await startDeliveryLoop({ mode, consumer: kafka.consumer({ groupId }), producer: kafka.producer(), topics, metrics, clock, log, step, onFatal: fail });
  return { metrics, stop: loop.stop };
});
