import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULT_SETTINGS, type ComponentName } from "@/lib/contract/api";
import { JOIN_OUTPUT_TOPIC, STRATEGIES, type LabRecord, type Strategy } from "@/lib/contract/records";
import type { TopicNames } from "@/lib/contract/topics";
import { seededRandom } from "@/lib/pipeline/hostile-corpus";
import { isRetriable } from "@/lib/retry";
import { strategyResult } from "@/lib/pipeline/transform";
import type { KafkaAdapter } from "@/kafka/adapter";
import type { Supervisor } from "@/server/supervisor/supervisor";
import { multiset, produce, readTopic, valueOf, waitFor } from "./kafka";
import { expectedJoin, expectedOutputs, type InputSpec, knownInputs, testSupervisor, toRecords } from "./pipeline";

/** Kill-and-restart chaos over the strategy and join workers, checked against the spec's oracle. */
export interface ChaosOptions {
  kafka: KafkaAdapter;
  brokers: string;
  names: TopicNames;
  recordsPerInput: number;
  kills: number;
  seed: number;
  windowMs: number;
  /** Inputs are written over this long (a quarter up front), so the workers are busy when killed. */
  feedMs: number;
  /** Random pause before each kill, in this range. */
  gapMs: [number, number];
  log: (line: string) => void;
}

export interface Kill {
  atMs: number;
  component: ComponentName;
  pid: number;
  status: string;
  fed: number;
}

export interface TopicCheck {
  topic: string;
  expected: number;
  got: number;
  missing: number;
  extra: number;
}

export interface ChaosReport {
  seed: number;
  kills: Kill[];
  restarts: Record<string, number>;
  checks: TopicCheck[];
  /** Records in outputs that read_committed readers never see: transactions the kills aborted. */
  abortedRecords: number;
  durationMs: number;
}

const WORKERS: ComponentName[] = ["strategy", "join"];

export const status = (sup: Supervisor, name: ComponentName) => sup.view().find((c) => c.name === name)!;

/** Differences between two multisets of JSON lines: what `want` has that `got` lacks, and the reverse. */
export function compareMultisets(want: string[], got: string[]): { missing: number; extra: number } {
  const counts = new Map<string, number>();
  for (const w of want) counts.set(w, (counts.get(w) ?? 0) + 1);
  let extra = 0;
  for (const g of got) {
    const n = counts.get(g) ?? 0;
    if (n > 0) counts.set(g, n - 1);
    else extra++;
  }
  return { missing: [...counts.values()].reduce((a, b) => a + b, 0), extra };
}

/** Every record of `topic`, read with the given isolation, once nothing new has come for `quietMs`. */
export const readEverything = (kafka: KafkaAdapter, topic: string, readUncommitted: boolean, quietMs = 3000): Promise<LabRecord[]> =>
  readTopic(kafka, topic, 0, 120_000, quietMs, readUncommitted);

/** Sum of the strategy worker's committed input offsets: it grows only when a transaction commits (-1 if unknown). */
export async function strategyCommitted(kafka: KafkaAdapter, names: TopicNames): Promise<bigint> {
  const admin = kafka.admin();
  try {
    const got = await admin.groupOffsets(
      names.group("strategy"),
      STRATEGIES.map((s) => names.name(`${s}_input`)),
    );
    return got.reduce((sum, o) => sum + (o.offset === "-1" ? 0n : BigInt(o.offset)), 0n);
  } catch {
    return -1n;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * For each strategy, what X_output should hold given what X_input holds (every input transformed once) and
 * what it does hold, both as sorted multisets: equal when the outputs are exact, no loss and no duplicate.
 * Read once the strategy worker has drained (strategyDrained).
 */
export async function strategyOutputs(kafka: KafkaAdapter, names: TopicNames): Promise<{ strategy: Strategy; want: string[]; got: string[] }[]> {
  const checks = [];
  for (const strategy of STRATEGIES) {
    const inputs = await readTopic(kafka, names.name(`${strategy}_input`), 1, 60_000);
    const want = inputs
      .map((r) => ({ key: r.key, v: valueOf<{ value: number; ts: number }>(r) }))
      .map(({ key, v }) => ({ key, ts: v.ts, result: strategyResult(v.value) }));
    const got = (await readTopic(kafka, names.name(`${strategy}_output`), want.length, 60_000)).map((r) => ({
      key: r.key,
      ...valueOf<{ result: number; ts: number }>(r),
    }));
    checks.push({ strategy, want: multiset(want), got: multiset(got.map((g) => ({ key: g.key, ts: g.ts, result: g.result }))) });
  }
  return checks;
}

/**
 * Has the strategy worker committed every input offset? (Its commits go with its outputs.)
 * A connection the broker closes while workers are killed and rejoin means "not yet", not a failed run.
 */
export async function strategyDrained(kafka: KafkaAdapter, names: TopicNames): Promise<boolean> {
  return allInputsCommitted(kafka, names).catch((err: unknown) => {
    if (isRetriable(err)) return false;
    throw err;
  });
}

async function allInputsCommitted(kafka: KafkaAdapter, names: TopicNames): Promise<boolean> {
  const admin = kafka.admin();
  try {
    const topics = STRATEGIES.map((s) => names.name(`${s}_input`));
    const committed = await admin.groupOffsets(names.group("strategy"), topics);
    for (const t of topics) {
      for (const p of await admin.topicOffsets(t)) {
        const c = committed.find((o) => o.topic === t && o.partition === p.partition)?.offset ?? "-1";
        if (p.latest !== "0" && c !== p.latest) return false;
      }
    }
    return true;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function feed(o: ChaosOptions, inputs: InputSpec[], fed: { n: number }): Promise<void> {
  const byIndex = (lo: number, hi: number) => inputs.filter((_, idx) => idx % o.recordsPerInput >= lo && idx % o.recordsPerInput < hi);
  const first = Math.ceil(o.recordsPerInput / 4);
  const steps = Math.max(1, Math.round(o.feedMs / 500));
  const per = Math.ceil((o.recordsPerInput - first) / steps);
  for (let lo = 0, hi = first; lo < o.recordsPerInput; lo = hi, hi = Math.min(o.recordsPerInput, hi + per)) {
    const chunk = byIndex(lo, hi);
    await produce(o.kafka, toRecords(chunk, o.names));
    fed.n += chunk.length;
    if (hi < o.recordsPerInput) await sleep(500);
  }
}

async function killer(o: ChaosOptions, sup: Supervisor, started: number, fed: { n: number }): Promise<Kill[]> {
  const rnd = seededRandom(o.seed);
  const kills: Kill[] = [];
  // Both workers are killed about as often, in a seeded random order.
  const victims = Array.from({ length: o.kills }, (_, k) => WORKERS[k % WORKERS.length]!);
  for (let k = victims.length - 1; k > 0; k--) {
    const r = Math.floor(rnd() * (k + 1));
    [victims[k], victims[r]] = [victims[r]!, victims[k]!];
  }
  for (let k = 0; k < o.kills; k++) {
    await sleep(o.gapMs[0] + rnd() * (o.gapMs[1] - o.gapMs[0])); // spacing the kills is the one fixed wait
    const component = victims[k]!;
    await waitFor(() => sup.pidOf(component) !== null, `${component} to have a process to kill`);
    const pid = sup.pidOf(component)!;
    const kill: Kill = { atMs: Date.now() - started, component, pid, status: status(sup, component).status, fed: fed.n };
    process.kill(pid, "SIGKILL");
    kills.push(kill);
    o.log(`kill ${k + 1}/${o.kills}: ${component} pid ${pid} (${kill.status}) at ${(kill.atMs / 1000).toFixed(1)} s, ${fed.n} inputs written so far`);
  }
  return kills;
}

/** Run the chaos and compare every output topic with the oracle. Topics must exist. */
export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const inputs = knownInputs(o.recordsPerInput, 5, Date.now() - 60_000);
  // The oracle knows no watermark: no input may be late, so the delay exceeds the inputs' event-time span.
  const settings = { ...DEFAULT_SETTINGS, joinWindowMs: o.windowMs, watermarkDelayMs: 30 * 60_000 };
  const sup = await testSupervisor({ brokers: o.brokers, prefix: o.names.prefix, settings });
  sup.onLog((name, line) => (line.level === "error" || line.level === "fatal") && o.log(`[${name}] ${line.level}: ${line.msg.slice(0, 300)}`));
  const fed = { n: 0 };
  try {
    for (const w of WORKERS) await sup.start(w);
    await waitFor(() => WORKERS.every((w) => status(sup, w).status === "running"), "strategy and join to run");
    o.log(`seed ${o.seed}: ${inputs.length} inputs over ${o.feedMs} ms, ${o.kills} kills, join window ${o.windowMs} ms`);
    const [kills] = await Promise.all([killer(o, sup, started, fed), feed(o, inputs, fed)]);
    await waitFor(() => WORKERS.every((w) => status(sup, w).status === "running"), "both workers to run again", 120_000);
    await waitFor(() => strategyDrained(o.kafka, o.names), "the strategy worker to commit every input", 180_000);
    const checks: TopicCheck[] = [];
    const check = async (topic: string, want: unknown[]) => {
      const got = await readTopic(o.kafka, topic, want.length, 180_000, 5000);
      const diff = compareMultisets(multiset(want), multiset(got.map((r) => ({ key: r.key, value: valueOf(r) }))));
      checks.push({ topic, expected: want.length, got: got.length, ...diff });
      o.log(`${topic}: expected ${want.length}, got ${got.length}, missing ${diff.missing}, extra ${diff.extra}`);
    };
    for (const s of STRATEGIES) await check(o.names.name(`${s}_output`), expectedOutputs(inputs, s));
    await check(o.names.name(JOIN_OUTPUT_TOPIC), expectedJoin(inputs, o.windowMs));
    let abortedRecords = 0;
    for (const t of [...STRATEGIES.map((s) => `${s}_output`), JOIN_OUTPUT_TOPIC]) {
      abortedRecords += (await readEverything(o.kafka, o.names.name(t), true)).length - checks.find((c) => c.topic === o.names.name(t))!.got;
    }
    const restarts = Object.fromEntries(WORKERS.map((w) => [w, status(sup, w).restarts]));
    o.log(`restarts ${JSON.stringify(restarts)}; ${abortedRecords} output records written by transactions the kills aborted`);
    return { seed: o.seed, kills, restarts, checks, abortedRecords, durationMs: Date.now() - started };
  } finally {
    await sup.stopAll();
  }
}
