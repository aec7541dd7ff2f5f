import { fork } from "node:child_process";
import path from "node:path";
import { topicNames } from "@/lib/contract/topics";
import { expectedJoinPairsPerSec } from "@/lib/pipeline/join-load";
import { lowerCpuPriority } from "@/server/os/cpu-priority";
import type { BenchDeps } from "../lib/deps";
import { tap } from "../lib/kafka";
import { cpuSeconds, rssMB } from "../lib/procs";
import { latencyHistogram, perSecond, round, type Percentiles } from "../lib/stats";
import { sleep } from "../lib/time";
import { startBenchWorkers } from "../lib/workers";

export interface JoinResult {
  targetInputPerSec: number;
  generatedPerSec: number;
  inputMsgsPerSec: number;
  matchesPerSec: number;
  expectedMatchesPerSec: number;
  p99Ms: number;
  latency: Percentiles;
  peakStateRows: number;
  rssAfterWarmupMB: number;
  rssEndMB: number;
  rssGrowthMB: number;
  joinCpuPct: number;
  /** Records dropped as late during the measurement: the join fell behind by more than the watermark delay. */
  lateDroppedPerSec: number;
  loadGenerators: number;
  /** Records the join had not yet read when the measurement ended (from its last report). */
  lagAtEnd: number;
  how: string;
}

const KEYS = 10_000;
const WINDOW_MS = 5_000;
const DELAY_MS = 10_000;

/**
 * One join worker; `gens` load-generator processes write C_output and D_input at equal paced rates
 * (keys user-1…user-10000). A tap on D_input_ready records receive time − pair ts (the later event
 * time) after the warm-up; the join's own reports give consumed records, matches and state rows.
 */
export async function runJoin(deps: BenchDeps, targetPerSec = 20_000, gens = 2, fullMeasureMs = 120_000): Promise<JoinResult> {
  // The state fills in 2W + delay = 20 s, but the worker's RSS keeps rising while V8 and kafkajs size
  // their heaps and buffers: at 4,000 rec/s, 210 → 381 MB over the first 180 s, then flat (±4 MB) for the
  // next 4 min with the state constant at 60k rows. So RSS growth is taken after a 180 s warm-up.
  const warmMs = deps.quick ? 20_000 : 180_000;
  const measureMs = deps.quick ? 15_000 : fullMeasureMs;
  const names = topicNames(deps.freshPrefix("join"));
  const admin = deps.kafka.admin();
  await admin.ensureTopics(names.all(), 3);
  await admin.disconnect();
  const hist = latencyHistogram();
  let measuring = false;
  const t = await tap(deps.kafka, [names.name("D_input_ready")], (r, at) => void (measuring && hist.record(at - r.timestamp)));
  const w = await startBenchWorkers(
    deps.root,
    deps.brokers,
    names,
    [{ name: "join" }],
    {
      keys: KEYS,
      joinWindowMs: WINDOW_MS,
      watermarkDelayMs: DELAY_MS,
    },
    deps.workerNice,
  );
  const join = w.workers[0]!;
  const sent = new Array<number>(gens).fill(0);
  const children = Array.from({ length: gens }, (_, i) => {
    const c = fork(path.join(deps.root, "bench", "lib", "load-gen.ts"), [], {
      cwd: deps.root,
      // The stand-ins for the app's producers run as they do (see lowerCpuPriority).
      detached: deps.workerNice > 0,
      execArgv: ["--import", "tsx"],
      env: {
        ...deps.config.env,
        BROKERS: deps.brokers,
        C_TOPIC: names.name("C_output"),
        D_TOPIC: names.name("D_input"),
        RATE_PER_SIDE: String(targetPerSec / 2 / gens),
        KEYS: String(KEYS),
      },
    });
    if (c.pid) lowerCpuPriority(c.pid, deps.workerNice).forEach(deps.log);
    c.on("message", (m: { sent: number }) => (sent[i] = m.sent));
    return c;
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let peak = 0;
  const peakTimer = setInterval(() => {
    const j = join.metrics?.join;
    if (measuring && j) peak = Math.max(peak, j.stateC + j.stateD);
  }, 200);
  try {
    await sleep(warmMs);
    const in0 = join.metrics?.recordsInTotal ?? 0;
    const m0 = join.metrics?.join?.matchesTotal ?? 0;
    const late0 = join.metrics?.join?.lateDropped ?? 0;
    const g0 = sum(sent);
    const cpu0 = cpuSeconds(join.pid);
    const rss0 = rssMB(join.pid);
    const t0 = Date.now();
    measuring = true;
    await sleep(measureMs);
    measuring = false;
    const ms = Date.now() - t0;
    const rss1 = rssMB(join.pid);
    const inRate = perSecond((join.metrics?.recordsInTotal ?? 0) - in0, ms);
    const generated = perSecond(sum(sent) - g0, ms);
    const perSide = generated / 2;
    const lat = hist.summary();
    const res: JoinResult = {
      targetInputPerSec: targetPerSec,
      generatedPerSec: round(generated, 0),
      inputMsgsPerSec: round(inRate, 0),
      matchesPerSec: round(perSecond((join.metrics?.join?.matchesTotal ?? 0) - m0, ms), 0),
      expectedMatchesPerSec: round(expectedJoinPairsPerSec({ ratePerSecond: perSide, keys: KEYS, joinWindowMs: WINDOW_MS }), 0),
      p99Ms: lat.p99,
      latency: lat,
      peakStateRows: peak,
      rssAfterWarmupMB: round(rss0),
      rssEndMB: round(rss1),
      rssGrowthMB: round(rss1 - rss0),
      lateDroppedPerSec: round(perSecond((join.metrics?.join?.lateDropped ?? 0) - late0, ms), 0),
      joinCpuPct: round((100 * (cpuSeconds(join.pid) - cpu0) * 1000) / ms, 0),
      loadGenerators: gens,
      lagAtEnd: (join.metrics?.lag ?? []).reduce((a, l) => a + l.lag, 0),
      how: `${gens} load-generator processes (paced, equal C/D rates) → one join worker; K=${KEYS}, ±${WINDOW_MS} ms, delay ${DELAY_MS} ms; warm-up ${warmMs / 1000} s, measured ${measureMs / 1000} s; input rate from the join's recordsInTotal; expected matches = rateC·rateD·2W/K`,
    };
    deps.log(`join: ${JSON.stringify(res)}`);
    return res;
  } finally {
    clearInterval(peakTimer);
    children.forEach((c) => c.kill("SIGTERM"));
    await w.stop();
    await t.stop();
  }
}
