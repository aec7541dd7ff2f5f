// First, before anything connects to Kafka: this process must not outlive the app.
import "./runtime/parent-watch";
import { setTimeout as sleep } from "node:timers/promises";
import { STRATEGIES, type Strategy } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { Pacer } from "@/lib/pipeline/pacer";
import { makeInputMessage, type Disorder } from "@/lib/pipeline/producer-messages";
import { runWorker } from "./runtime/lifecycle";
import { WorkerMetrics } from "./runtime/metrics";

const MAX_PER_SEND = 5000;

function strategyOf(component: string): Strategy {
  const letter = component.replace("producer-", "");
  const s = STRATEGIES.find((x) => x === letter);
  if (!s) throw new Error(`${component} is not a producer component`);
  return s;
}

/** Writes X_input at the configured rate, with the configured event-time disorder: one batched, acknowledged send per tick. */
runWorker(async ({ config, kafka, log, clock, parent }) => {
  const strategy = strategyOf(config.LAB_COMPONENT);
  const names = topicNames(config.LAB_TOPIC_PREFIX);
  const metrics = new WorkerMetrics(clock, null, config.LAB_SETTINGS);
  const pacer = new Pacer(config.LAB_SETTINGS.ratePerSecond);
  let keys = config.LAB_SETTINGS.keys;
  const disorderOf = (s: typeof config.LAB_SETTINGS): Disorder => ({ percent: s.disorderPercent, watermarkDelayMs: s.watermarkDelayMs });
  let disorder = disorderOf(config.LAB_SETTINGS);
  let acks = config.LAB_SETTINGS.acks;
  // A retried send only waits; kafkajs says why in its log (NOT_ENOUGH_REPLICAS with too few in-sync replicas).
  kafka.onSendError((e) => metrics.sendFailing(e));
  parent.onMessage((msg) => {
    if (msg.type !== "settings") return;
    pacer.setRate(msg.settings.ratePerSecond);
    keys = msg.settings.keys;
    disorder = disorderOf(msg.settings);
    acks = msg.settings.acks;
    metrics.runsWith(msg.settings);
    log.info({ ratePerSecond: msg.settings.ratePerSecond, keys, disorder, acks }, "settings applied");
  });

  const producer = kafka.producer();
  await producer.connect();
  let running = true;

  const loop = async () => {
    while (running) {
      const now = clock();
      const due = Math.min(pacer.due(now), MAX_PER_SEND);
      if (due === 0) {
        await sleep(Math.max(1, Math.min(pacer.msUntilNext(now), 100)));
        continue;
      }
      const batch = Array.from({ length: due }, () => {
        const m = makeInputMessage(strategy, keys, Math.random, clock(), disorder);
        return { ...m, topic: names.name(m.topic) };
      });
      await producer.send(batch, acks);
      metrics.sendSucceeded();
      metrics.produced(batch.length);
    }
  };
  const done = loop();

  return {
    metrics,
    async stop() {
      running = false;
      await done;
      await producer.disconnect();
    },
  };
});
