import path from "node:path";
import { DEFAULT_SETTINGS, type ComponentName, type Settings } from "@/lib/contract/api";
import { STRATEGIES, type JoinedValue, type OutgoingRecord, type Strategy } from "@/lib/contract/records";
import type { TopicNames } from "@/lib/contract/topics";
import { spawnWorker, stopWorker, type WorkerProcess } from "@/server/supervisor/spawn";
import { createSupervisor, type Supervisor } from "@/server/supervisor/supervisor";
import { buildWorkerScripts, type WorkerScripts } from "@/server/supervisor/worker-scripts";
import { waitFor } from "./kafka";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

let scripts: Promise<WorkerScripts> | null = null;
/** The compiled workers, built once per test process. */
export const workerScripts = () => (scripts ??= buildWorkerScripts(ROOT));

/** A supervisor of the real worker processes for one test's topic namespace, logging warnings and worse. */
export async function testSupervisor(o: { brokers: string; prefix: string; settings?: Settings; nice?: number }): Promise<Supervisor> {
  const settings = o.settings ?? DEFAULT_SETTINGS;
  return createSupervisor({
    scripts: await workerScripts(),
    nice: o.nice,
    brokers: () => o.brokers,
    settings: () => settings,
    topicPrefix: o.prefix,
    logLevel: "warn",
  });
}

/** The spec's table for 1…100, written out here so the test does not trust the code it checks. */
const SPEC_TABLE = `
  2   4   6   8  10  12  14  16  18  20  22  24  26  28  30  32  34  36  38  40
 42  44  46  48  50  52  54  56  58  55  56  58  59  61  62  64  65  67  68  70
 71  73  74  76  77  79  80  82  83  85  86  88  89  91  92  94  95  97  98 100
 37  38  39  40  42  43  44  46  47  49  50  51  53  54  56  57  59  60  62  64
 65  67  68  70  72  73  75  77  79  81  82  84  86  88  90  92  94  96  98 100`
  .trim()
  .split(/\s+/)
  .map(Number);
export const specResult = (value: number) => SPEC_TABLE[value - 1]!;

export interface InputSpec {
  strategy: Strategy;
  key: string;
  value: number;
  ts: number;
}

/** A deterministic input set: n records per strategy, keys user-1…user-k, values cycling 1…100. */
export function knownInputs(n: number, keys: number, baseTs: number): InputSpec[] {
  return STRATEGIES.flatMap((strategy) =>
    Array.from({ length: n }, (_, i) => ({ strategy, key: `user-${(i % keys) + 1}`, value: ((i * 7) % 100) + 1, ts: baseTs + i * 10 })),
  );
}

export function toRecords(inputs: InputSpec[], names: TopicNames): OutgoingRecord[] {
  return inputs.map((r) => ({
    topic: names.name(`${r.strategy}_input`),
    key: r.key,
    value: JSON.stringify({ strategy: r.strategy, value: r.value, ts: r.ts }),
    timestamp: r.ts,
  }));
}

export function expectedOutputs(inputs: InputSpec[], s: Strategy) {
  return inputs.filter((r) => r.strategy === s).map((r) => ({ key: r.key, value: { result: specResult(r.value), ts: r.ts } }));
}

/** Every C × D pair of a key within ±window: a brute-force oracle, with no watermark in play. */
export function expectedJoin(inputs: InputSpec[], windowMs: number): { key: string; value: JoinedValue }[] {
  const cs = inputs.filter((r) => r.strategy === "C");
  const ds = inputs.filter((r) => r.strategy === "D");
  return cs.flatMap((c) =>
    ds
      .filter((d) => d.key === c.key && d.ts >= c.ts - windowMs && d.ts <= c.ts + windowMs)
      .map((d) => ({
        key: c.key,
        value: { c_val: specResult(c.value), d_val: d.value, c_ts: c.ts, d_ts: d.ts, ts: Math.max(c.ts, d.ts) },
      })),
  );
}

/** Start real worker processes and wait until each says it is ready. */
export async function startWorkers(
  brokers: string,
  names: TopicNames,
  components: { name: ComponentName; instance: number }[],
  settings: Partial<Settings> = {},
): Promise<{ procs: WorkerProcess[]; stop(): Promise<void> }> {
  const built = await workerScripts();
  const procs = components.map(({ name, instance }) => {
    const state = { ready: false, exited: false };
    const proc = spawnWorker(
      {
        scripts: built,
        name,
        instance,
        brokers,
        settings: { ...DEFAULT_SETTINGS, ...settings },
        topicPrefix: names.prefix,
        logLevel: "warn",
        metricsIntervalMs: 200,
      },
      {
        onMessage: (m) => void (m.type === "ready" && (state.ready = true)),
        onLog: (l) => (l.level === "error" || l.level === "fatal") && process.stderr.write(`[${name}#${instance}] ${l.msg}\n`),
        onExit: () => void (state.exited = true),
      },
    );
    return { proc, state, name };
  });
  for (const p of procs) {
    await waitFor(() => p.state.ready || p.state.exited, `${p.name} to be ready`);
    if (p.state.exited) throw new Error(`${p.name} exited before it was ready`);
  }
  return {
    procs: procs.map((p) => p.proc),
    stop: async () => void (await Promise.all(procs.map((p) => stopWorker(p.proc)))),
  };
}
