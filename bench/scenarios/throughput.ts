import { STRATEGIES, inputTopic, type OutgoingRecord } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { makeInputMessage } from "@/lib/pipeline/producer-messages";
import type { BenchDeps } from "../lib/deps";
import { preload, waitFor } from "../lib/kafka";
import { cpuSeconds } from "../lib/procs";
import { perSecond, round } from "../lib/stats";
import { startBenchWorkers } from "../lib/workers";

export interface ThroughputResult {
  records: number;
  preloadMsgsPerSec: number;
  rawCeiling: { msgsPerSec: number; how: string };
  transform: { msgsPerSec: number; ofCeilingPct: number; cpuMsPer1000: number; how: string };
}

const PARTITIONS = 3;
const SEND_CHUNK = 5000;

/**
 * Preload the four input topics, then drain them twice: once by a bare consume → produce pipe in
 * the bench process (the ceiling: same client, same records, no validation, no transform, no
 * transaction), once by one real strategy worker process (consume → transform → transactional write).
 */
export async function runThroughput(deps: BenchDeps): Promise<ThroughputResult> {
  const n = deps.quick ? 100_000 : 400_000;
  const names = topicNames(deps.freshPrefix("tp"));
  const inputs = STRATEGIES.map((s) => names.name(inputTopic(s)));
  const admin = deps.kafka.admin();
  await admin.ensureTopics([...names.all(), names.name("raw_out")], PARTITIONS);
  await admin.disconnect();

  const base = Date.now();
  const make = (i: number): OutgoingRecord => {
    const m = makeInputMessage(STRATEGIES[i % 4]!, 5, Math.random, base + Math.floor(i / 100));
    return { ...m, topic: names.name(m.topic) };
  };
  deps.log(`preloading ${n} records into ${inputs.length} input topics…`);
  const preloadRate = await preload(deps.kafka, n, make);
  deps.log(`preloaded at ${Math.round(preloadRate)} rec/s`);

  const raw = await rawPipe(deps, inputs, names.name("raw_out"), n);
  deps.log(`raw ceiling: ${Math.round(raw)} rec/s`);

  const w = await startBenchWorkers(deps.root, deps.brokers, names, [{ name: "strategy" }], { partitions: PARTITIONS }, deps.workerNice);
  const [worker] = w.workers;
  let first: { at: number; out: number } | null = null;
  let last: { at: number; out: number } | null = null;
  await waitFor(
    () => {
      const m = worker!.metrics;
      if (m && m.recordsInTotal > 0 && !first) first = { at: m.at, out: m.recordsOutTotal };
      if (m) last = { at: m.at, out: m.recordsOutTotal };
      return (m?.recordsOutTotal ?? 0) >= n;
    },
    "the strategy worker to drain the preload",
    600_000,
    20,
  );
  // CPU of the worker process from its start to the drained total (start-up included), per 1,000 records.
  const cpuMsPer1000 = (cpuSeconds(worker!.pid) * 1e6) / n;
  await w.stop();
  const f = first as { at: number; out: number } | null;
  const l = last as { at: number; out: number } | null;
  const transform = f && l ? perSecond(l.out - f.out, l.at - f.at) : 0;
  deps.log(`transform: ${Math.round(transform)} rec/s, ${round(cpuMsPer1000, 1)} ms CPU per 1,000 records`);
  return {
    records: n,
    preloadMsgsPerSec: round(preloadRate, 0),
    rawCeiling: {
      msgsPerSec: round(raw, 0),
      how: `${n} preloaded records (4 topics × ${PARTITIONS} partitions) consumed with eachBatch and re-sent per batch to one topic (acks=all, idempotent, no transaction), in the bench process; first batch → last send acknowledged`,
    },
    transform: {
      msgsPerSec: round(transform, 0),
      ofCeilingPct: round(raw > 0 ? (100 * transform) / raw : 0, 1),
      cpuMsPer1000: round(cpuMsPer1000, 1),
      how: "one strategy worker process drains the same preload; rate from its own recordsOutTotal between its first non-zero report and the one that reached the total (200 ms reports)",
    },
  };
}

/** consume → produce, no processing: how fast this client moves these records through this broker. */
async function rawPipe(deps: BenchDeps, inputs: string[], out: string, n: number): Promise<number> {
  const consumer = deps.kafka.consumer({ groupId: `${out}-raw-${Date.now()}` });
  const producer = deps.kafka.producer();
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe(inputs, true);
  let done = 0;
  let started = 0;
  let ended = 0;
  void consumer.run(async (batch) => {
    if (!started) started = Date.now();
    // A fetched batch can be ~1 MB, the broker's limit for one record batch: re-send it in pieces.
    for (let i = 0; i < batch.records.length; i += SEND_CHUNK) {
      const part = batch.records.slice(i, i + SEND_CHUNK);
      await producer.send(part.map((r) => ({ topic: out, key: r.key, value: r.value ?? "", timestamp: r.timestamp })));
    }
    done += batch.records.length;
    if (done >= n && !ended) ended = Date.now();
  });
  await waitFor(() => ended > 0, "the raw pipe to drain the preload", 600_000, 20);
  await consumer.stop();
  await consumer.disconnect();
  await producer.disconnect();
  return perSecond(n, ended - started);
}
