import { STRATEGIES, inputTopic, outputTopic, type Strategy } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import type { BenchDeps } from "../lib/deps";
import { tap } from "../lib/kafka";
import { cpuSeconds } from "../lib/procs";
import { latencyHistogram, perSecond, round, type Percentiles } from "../lib/stats";
import { startBenchWorkers, totalOut } from "../lib/workers";
import { sleep } from "../lib/time";

export interface LatencyAtRate extends Percentiles {
  targetPerSec: number;
  producedPerSec: number;
  transformedPerSec: number;
  strategyCpuPct: number;
  /** The same measure on the input topics: what producing + a kafkajs consumer alone cost. */
  inputVisible: Percentiles;
  /** The strategy worker's own figure (ts → its transaction committed): mean of its p50s and max of its p99s over 200 ms reports. */
  workerCommitted: { meanP50: number; maxP99: number };
}

/**
 * The four real producer processes at rate/4 each and one strategy worker; a read-committed tap in
 * the bench process records, for every output, receive time − the record's timestamp (the producer's
 * `ts`, which the transform keeps) into an HDR histogram, after a warm-up.
 */
export async function runLatency(deps: BenchDeps, rate: number): Promise<LatencyAtRate> {
  const warmMs = deps.quick ? 5_000 : 10_000;
  const measureMs = deps.quick ? 15_000 : 60_000;
  const names = topicNames(deps.freshPrefix(`lat${rate}`));
  const admin = deps.kafka.admin();
  await admin.ensureTopics(names.all(), 3);
  await admin.disconnect();
  const hist = latencyHistogram();
  let measuring = false;
  const t = await tap(
    deps.kafka,
    STRATEGIES.map((s: Strategy) => names.name(outputTopic(s))),
    (r, at) => {
      if (measuring) hist.record(at - r.timestamp);
    },
  );
  const inHist = latencyHistogram();
  const inTap = await tap(
    deps.kafka,
    STRATEGIES.map((s: Strategy) => names.name(inputTopic(s))),
    (r, at) => {
      if (measuring) inHist.record(at - r.timestamp);
    },
  );
  // No disorder: latency is measured from the record's timestamp, which disorder makes older on purpose.
  const settings = { ratePerSecond: rate / 4, keys: 5, partitions: 3, disorderPercent: 0 };
  const strategy = await startBenchWorkers(deps.root, deps.brokers, names, [{ name: "strategy" }], settings, deps.workerNice);
  const producers = await startBenchWorkers(
    deps.root,
    deps.brokers,
    names,
    STRATEGIES.map((s) => ({ name: `producer-${s}` as const })),
    settings,
    deps.workerNice,
  );
  try {
    await sleep(warmMs);
    const p0 = totalOut(producers.workers);
    const s0 = totalOut(strategy.workers);
    const cpu0 = cpuSeconds(strategy.workers[0]!.pid);
    const t0 = Date.now();
    measuring = true;
    const p50s: number[] = [];
    let maxP99 = 0;
    let lastAt = 0;
    const sampler = setInterval(() => {
      const m = strategy.workers[0]!.metrics;
      if (!m || m.at === lastAt || !m.latencyMs) return;
      lastAt = m.at;
      p50s.push(m.latencyMs.p50);
      maxP99 = Math.max(maxP99, m.latencyMs.p99);
    }, 50);
    await sleep(measureMs);
    clearInterval(sampler);
    measuring = false;
    const ms = Date.now() - t0;
    const res: LatencyAtRate = {
      targetPerSec: rate,
      producedPerSec: round(perSecond(totalOut(producers.workers) - p0, ms), 0),
      transformedPerSec: round(perSecond(totalOut(strategy.workers) - s0, ms), 0),
      strategyCpuPct: round((100 * (cpuSeconds(strategy.workers[0]!.pid) - cpu0) * 1000) / ms, 0),
      ...hist.summary(),
      inputVisible: inHist.summary(),
      workerCommitted: { meanP50: round(p50s.reduce((a, b) => a + b, 0) / Math.max(1, p50s.length), 0), maxP99 },
    };
    deps.log(`latency at ${rate}/s: ${JSON.stringify(res)}`);
    return res;
  } finally {
    await producers.stop();
    await strategy.stop();
    await t.stop();
    await inTap.stop();
  }
}
