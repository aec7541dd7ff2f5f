/**
 * `--peers`: our strategy worker beside Kafka Streams (exactly_once_v2) and Spark Structured Streaming,
 * on the same broker and the same inputs, runs interleaved (bench/lib/peers.ts `interleave`). Every
 * figure is taken the same way for all: one read-committed tap on the output topics in the bench process,
 * CPU and RSS of the processing process tree from /proc.
 */
import { createHash } from "node:crypto";
import { STRATEGIES, outputTopic, type OutgoingRecord } from "@/lib/contract/records";
import { topicNames, type TopicNames } from "@/lib/contract/topics";
import { seededRandom } from "@/lib/pipeline/hostile-corpus";
import { makeInputMessage } from "@/lib/pipeline/producer-messages";
import type { BenchDeps } from "../lib/deps";
import { preload, tap, waitFor } from "../lib/kafka";
import { ensureKafkaStreams, ensureSpark } from "../lib/peer-install";
import { kafkaStreamsLauncher, oursLauncher, sparkLauncher, type SystemLauncher } from "../lib/peer-systems";
import { OURS, RATES, interleave, shapePeerResults, type Figures, type PeerName, type PeerResults, type PeerRun } from "../lib/peers";
import { sampleTree, type TreeSampler } from "../lib/procs";
import { latencyHistogram, perSecond, round } from "../lib/stats";
import { sleep } from "../lib/time";
import { startBenchWorkers } from "../lib/workers";

const SEED = 18;

export interface PeerScenarioResult extends PeerResults {
  runs: PeerRun[];
  how: string;
}

export async function runPeers(deps: BenchDeps): Promise<PeerScenarioResult> {
  const started = Date.now();
  const launchers: SystemLauncher[] = [oursLauncher(deps)];
  const skipped: Partial<Record<PeerName, string>> = {};
  const ks = await ensureKafkaStreams(deps.root, deps.config.kafkaVersion, deps.log);
  if (ks.ok) launchers.push(kafkaStreamsLauncher(deps, ks.value));
  else skipped["kafka-streams"] = ks.reason;
  if (ks.ok) ks.notes.forEach((n) => deps.log(`kafka-streams: ${n}`));
  const spark = await ensureSpark(deps.root, deps.log);
  if (spark.ok) launchers.push(sparkLauncher(deps, spark.value));
  else skipped.spark = spark.reason;
  for (const [name, why] of Object.entries(skipped)) deps.log(`✗ peer ${name} skipped: ${why}`);

  const peers = launchers.map((l) => l.name).filter((n): n is PeerName => n !== OURS);
  const schedule = interleave(peers, 2);
  const byName = new Map(launchers.map((l) => [l.name, l]));
  const figures = new Map(schedule.map((s) => [s, {} as Figures]));
  const notes = new Map(schedule.map((s) => [s, [] as string[]]));
  const digests = new Map(schedule.map((s) => [s, null as string | null]));
  const base = Date.now();
  const budgetEnds = started + budgetMs(deps.quick);
  const step = async (label: string, fn: (s: (typeof schedule)[number]) => Promise<void>) => {
    for (const slot of schedule) {
      if (Date.now() > budgetEnds) {
        notes.get(slot)!.push(`${label} not run: the peer comparison's ${budgetMs(deps.quick) / 60_000} min budget was used up`);
        continue;
      }
      deps.log(`peers: ${label}, ${slot.system} (round ${slot.round})`);
      await fn(slot).catch((err) => notes.get(slot)!.push(`${label} failed: ${err instanceof Error ? err.message : String(err)}`));
    }
  };
  await step("drain", async (slot) => {
    const d = await drain(deps, byName.get(slot.system)!, base);
    Object.assign(figures.get(slot)!, d.figures);
    digests.set(slot, d.digest);
  });
  for (const rate of RATES)
    await step(`latency at ${rate}/s`, async (slot) => {
      Object.assign(figures.get(slot)!, await latency(deps, byName.get(slot.system)!, rate));
    });

  const oursDigest = schedule.map((s) => (s.system === OURS ? digests.get(s) : null)).find((d) => d) ?? null;
  const runs: PeerRun[] = schedule.map((s) => ({
    ...s,
    figures: figures.get(s)!,
    outputMatchesOurs: s.system === OURS || !oursDigest || !digests.get(s) ? null : digests.get(s) === oursDigest,
    notes: notes.get(s)!,
  }));
  deps.log(`peers took ${Math.round((Date.now() - started) / 1000)} s`);
  return { ...shapePeerResults(runs, skipped), runs, how: HOW(deps.quick) };
}

/** The whole comparison stops starting runs after this long (each run is bounded too: start-up 4 min, drain 3–5 min). */
const budgetMs = (quick: boolean) => (quick ? 30 : 50) * 60_000;
const START_TIMEOUT_MS = 240_000;
const drainRecords = (quick: boolean) => (quick ? 50_000 : 200_000);
const windows = (quick: boolean) => (quick ? { warmMs: 10_000, measureMs: 10_000 } : { warmMs: 15_000, measureMs: 30_000 });

const HOW = (quick: boolean) =>
  `drain: ${drainRecords(quick)} records (seed ${SEED}, the same in every run) preloaded into 4 fresh input topics × 3 partitions, then the system starts; ` +
  "with start-up = records ÷ (last output received − process spawned), after start-up = records ÷ (last − first output received); " +
  "CPU = the processing process tree's user+system seconds (per 1,000 records: from the first output on; with start-up: from spawn); " +
  `latency: 4 producer processes at rate/4 each, ${windows(quick).warmMs / 1000} s warm-up from the first output on, ${windows(quick).measureMs / 1000} s measured, receive time − the output value's ts; ` +
  "one read-committed kafkajs consumer in the bench process takes every figure for every system; medians over the runs, ratios = ours ÷ peer";

async function freshTopics(deps: BenchDeps, label: string): Promise<TopicNames> {
  const names = topicNames(deps.freshPrefix(label));
  const admin = deps.kafka.admin();
  await admin.ensureTopics(names.all(), 3);
  await admin.disconnect();
  return names;
}

const outputs = (names: TopicNames) => STRATEGIES.map((s) => names.name(outputTopic(s)));

/** Drain a preloaded topic set; also an order-free digest of the output (topic, key, value) to compare systems. */
async function drain(deps: BenchDeps, system: SystemLauncher, base: number): Promise<{ figures: Figures; digest: string | null }> {
  const n = drainRecords(deps.quick);
  const names = await freshTopics(deps, `pd-${system.name}-`);
  const rng = seededRandom(SEED);
  const make = (i: number): OutgoingRecord => {
    const m = makeInputMessage(STRATEGIES[i % 4]!, 5, rng, base + Math.floor(i / 100));
    return { ...m, topic: names.name(m.topic) };
  };
  await preload(deps.kafka, n, make);
  const lines: string[] = [];
  let first = 0;
  let last = 0;
  let procs: TreeSampler | null = null;
  let cpuAtFirst = 0;
  const t = await tap(deps.kafka, outputs(names), (r, at) => {
    if (!first) cpuAtFirst = procs?.cpuSeconds() ?? 0;
    first ||= at;
    last = at;
    lines.push(`${names.base(r.topic)}|${r.key}|${r.value?.toString() ?? ""}`);
  });
  const spawnedAt = Date.now();
  const sys = await system.start(names);
  procs = sampleTree(sys.roots);
  let complete = true;
  try {
    await waitFor(() => lines.length >= n, `${system.name} to drain ${n} records`, deps.quick ? 180_000 : 300_000, 50);
  } catch {
    complete = false;
  }
  const cpu = procs.cpuSeconds();
  procs.stop();
  await sys.stop();
  await t.stop();
  const got = lines.length;
  const restarts = sys.restarts();
  const timing = got ? `in ${last - spawnedAt} ms (${last - first} ms after its first output)` : "";
  deps.log(`peers: ${system.name} drained ${got}/${n} ${timing}, CPU ${round(cpu, 1)} s${restarts ? `, ${restarts} restart(s)` : ""}`);
  if (!complete) throw new Error(`${system.name} wrote only ${got} of ${n} records in time${restarts ? ` (${restarts} restart(s))` : ""}`);
  return {
    figures: {
      "drain.recPerSec": round(perSecond(got, last - first), 0),
      "drain.recPerSecWithStartup": round(perSecond(got, last - spawnedAt), 0),
      "drain.cpuMsPer1kRecords": round(((cpu - cpuAtFirst) * 1_000_000) / got, 1),
      "drain.cpuSecondsWithStartup": round(cpu, 2),
      "drain.peakRssMB": round(procs.peakRssMB(), 0),
      "drain.restarts": restarts,
    },
    digest: createHash("sha256").update(lines.sort().join("\n")).digest("hex"),
  };
}

/** The latency scenario's shape (4 real producers at rate/4 each) with the system under test in place of our worker. */
async function latency(deps: BenchDeps, system: SystemLauncher, rate: number): Promise<Figures> {
  const { warmMs, measureMs } = windows(deps.quick);
  const names = await freshTopics(deps, `pl${rate}-${system.name}-`);
  const hist = latencyHistogram();
  let measuring = false;
  let seen = 0;
  const t = await tap(deps.kafka, outputs(names), (r, at) => {
    seen++;
    if (!measuring || !r.value) return;
    const ts = eventTime(r.value);
    if (ts !== null) hist.record(at - ts);
  });
  const sys = await system.start(names).catch(async (err) => {
    await t.stop();
    throw err;
  });
  const procs = sampleTree(sys.roots);
  const settings = { ratePerSecond: rate / 4, keys: 5, partitions: 3, disorderPercent: 0 };
  const producers = await startBenchWorkers(
    deps.root,
    deps.brokers,
    names,
    STRATEGIES.map((s) => ({ name: `producer-${s}` as const })),
    settings,
    deps.workerNice,
  ).catch(async (err) => {
    procs.stop();
    await Promise.all([sys.stop(), t.stop()]);
    throw err;
  });
  try {
    // The warm-up starts at the first output: Spark's first micro-batch alone can take longer than a warm-up.
    await waitFor(() => seen > 0, `${system.name}'s first output at ${rate} rec/s`, START_TIMEOUT_MS);
    await sleep(warmMs);
    const cpu0 = procs.cpuSeconds();
    measuring = true;
    await sleep(measureMs);
    measuring = false;
    const cpu = procs.cpuSeconds() - cpu0;
    const h = hist.summary();
    deps.log(`peers: ${system.name} at ${rate}/s: ${h.count} outputs measured, p50 ${h.p50} / p99 ${h.p99} / max ${h.max} ms, CPU ${round(cpu, 1)} s`);
    if (!h.count) throw new Error(`${system.name} wrote nothing in ${measureMs} ms at ${rate} rec/s`);
    return {
      [`latency.${rate}.outPerSec`]: round(perSecond(h.count, measureMs), 0),
      [`latency.${rate}.p50`]: h.p50,
      [`latency.${rate}.p99`]: h.p99,
      [`latency.${rate}.max`]: h.max,
      [`latency.${rate}.cpuSeconds`]: round(cpu, 2),
      [`latency.${rate}.peakRssMB`]: round(procs.peakRssMB(), 0),
      [`latency.${rate}.restarts`]: sys.restarts(),
    };
  } finally {
    procs.stop();
    await producers.stop();
    await sys.stop();
    await t.stop();
  }
}

/** The `ts` of an output value (`{"result":…,"ts":…}`), or null when it has none. */
function eventTime(value: Buffer): number | null {
  try {
    const ts = (JSON.parse(value.toString()) as { ts?: unknown }).ts;
    return typeof ts === "number" ? ts : null;
  } catch {
    return null;
  }
}
