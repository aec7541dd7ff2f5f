/**
 * A bench-only load generator for the join: writes C_output-shaped and D_input-shaped records
 * at equal paced rates, keys user-1…user-K, one batched acknowledged send per tick (like the
 * producers). Run as its own process: `node --import tsx bench/lib/load-gen.ts`, configured by env;
 * reports `{ sent }` to its parent over IPC every 500 ms.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { OutgoingRecord } from "@/lib/contract/records";
import { Pacer } from "@/lib/pipeline/pacer";
import { createKafkaAdapter } from "@/kafka/adapter";
import { createLogger } from "@/lib/log";
import { loadLoadGenConfig } from "../config";

const { BROKERS: brokers, RATE_PER_SIDE: ratePerSide, KEYS: keys, C_TOPIC: cTopic, D_TOPIC: dTopic } = loadLoadGenConfig();
const MAX_PER_SEND = 5000;

const kafka = createKafkaAdapter({ brokers, clientId: "bench-load-gen", log: createLogger("load-gen", "warn") });
const producer = kafka.producer();
await producer.connect();
const pacer = new Pacer(ratePerSide * 2);
let sent = 0;
let running = true;
process.on("SIGTERM", () => (running = false));
process.on("disconnect", () => (running = false));
const report = setInterval(() => process.send?.({ sent }), 500);

while (running) {
  const now = Date.now();
  const due = Math.min(pacer.due(now), MAX_PER_SEND);
  if (due === 0) {
    await sleep(Math.max(1, Math.min(pacer.msUntilNext(now), 100)));
    continue;
  }
  const batch: OutgoingRecord[] = new Array(due);
  for (let i = 0; i < due; i++) {
    const key = `user-${1 + Math.floor(Math.random() * keys)}`;
    const v = 1 + Math.floor(Math.random() * 100);
    batch[i] =
      (sent + i) % 2 === 0
        ? { topic: cTopic, key, value: `{"result":${v},"ts":${now}}`, timestamp: now }
        : { topic: dTopic, key, value: `{"strategy":"D","value":${v},"ts":${now}}`, timestamp: now };
  }
  await producer.send(batch);
  sent += due;
}
clearInterval(report);
process.send?.({ sent });
await producer.disconnect();
process.exit(0);
