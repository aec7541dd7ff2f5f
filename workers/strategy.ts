// First, before anything connects to Kafka: this process must not outlive the app.
import "./runtime/parent-watch";
import { STRATEGIES, inputTopic } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { strategyStep } from "@/lib/pipeline/strategy-step";
import { runWorker } from "./runtime/lifecycle";
import { WorkerMetrics } from "./runtime/metrics";
import { startStreamLoop, type StepResult } from "./runtime/stream-loop";
import type { LabBatch } from "@/server/kafka/types";

/** X_input → X_output for A, B, C and D: the stateless strategy transform. */
runWorker(async ({ config, kafka, log, clock, fail }) => {
  const names = topicNames(config.LAB_TOPIC_PREFIX);
  const component = config.LAB_COMPONENT;
  const metrics = new WorkerMetrics(clock, null, config.LAB_SETTINGS);

  const step = (batch: LabBatch): StepResult => {
    const now = clock();
    const outputs = [];
    let deadLetters = 0;
    const completedEventTimes: number[] = [];
    for (const rec of batch.records) {
      const out = strategyStep({ ...rec, topic: names.base(rec.topic) }, now, component);
      outputs.push({ ...out.record, topic: names.name(out.record.topic) });
      if (out.kind === "dead") deadLetters++;
      else completedEventTimes.push(rec.timestamp);
    }
    return { outputs, deadLetters, commitOffset: batch.nextOffset, completedEventTimes };
  };

  const loop = await startStreamLoop({
    consumer: kafka.consumer({ groupId: names.group(component) }),
    producer: kafka.producer({ transactionalId: `${names.group(component)}-${config.LAB_INSTANCE}` }),
    groupId: names.group(component),
    topics: STRATEGIES.map((s) => names.name(inputTopic(s))),
    metrics,
    clock,
    log,
    step,
    onFatal: fail,
  });
  return { metrics, stop: loop.stop };
});
