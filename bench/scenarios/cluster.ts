import { rm } from "node:fs/promises";
import path from "node:path";
import type { BenchDeps } from "../lib/deps";
import { processLabel, treeRssMB } from "../lib/procs";
import { round } from "../lib/stats";
import { retry } from "@/lib/retry";
import { sleep } from "../lib/time";
import { startBenchApp } from "./app";

export interface ClusterResult {
  /** The highest and the mean total RSS (server, its workers and producers, the three node JVMs) while measured. */
  totalRssMB: { max: number; mean: number };
  /** Each process's RSS at the highest sample, labelled. */
  byProcess: Record<string, number>;
  heapMbPerNode: number;
  /** Records the producers wrote per second while measured (asked: 1,000). */
  producedPerSec: number;
  how: string;
}

const producedTotal = async (api: (m: string, r: string) => Promise<unknown>) => {
  const v = (await api("GET", "/api/pipeline")) as { components: { kind: string; metrics: { recordsOutTotal: number } | null }[] };
  return v.components.filter((c) => c.kind === "producer").reduce((s, c) => s + (c.metrics?.recordsOutTotal ?? 0), 0);
};

/**
 * Cluster mode's memory: the real server with KAFKA_NODES=3 (its own three JVMs, as `npm start` runs them), the
 * whole pipeline at 1,000 rec/s (four producers at 250), RSS of the server and every descendant, the JVMs
 * included, sampled every 2 s after a warm-up.
 */
export async function runCluster(deps: BenchDeps): Promise<ClusterResult> {
  const { clusterPort, clusterHeapMb } = deps.config;
  const dataDir = path.join(deps.root, ".lab", "bench-cluster");
  // Empty storage each run; the jar cache beside it (dataDir/kafka) is kept.
  await rm(path.join(dataDir, "kafka-cluster"), { recursive: true, force: true });
  deps.log(`cluster: the app with KAFKA_NODES=3 on ports ${clusterPort}–${clusterPort + 5}, heap ${clusterHeapMb} MB per node`);
  const app = await startBenchApp(deps, {
    dataDir,
    readyMs: 600_000,
    env: {
      KAFKA_BROKERS: "",
      KAFKA_NODES: "3",
      KAFKA_PORT: String(clusterPort),
      KAFKA_HEAP_MB: String(clusterHeapMb),
      KAFKA_NICE: String(deps.config.kafkaNice),
    },
  });
  try {
    // Enough keys that the join has few pairs to write at this rate (the settings check refuses the default 8).
    await app.api("PUT", "/api/settings", { ratePerSecond: 250, keys: 1000 });
    // Three JVMs just started on a shared machine may time a first admin request out: try again for a while.
    await retry(() => app.api("POST", "/api/pipeline/start"), {
      attempts: 10,
      initialMs: 5000,
      maxMs: 20_000,
      onRetry: (err) => deps.log(`cluster: pipeline start failed (${String(err).slice(0, 120)}), trying again`),
    });
    await sleep(deps.quick ? 20_000 : 45_000);
    const samples: number[] = [];
    let peak = treeRssMB([app.pid]);
    const before = await producedTotal(app.api);
    const started = Date.now();
    while (Date.now() - started < (deps.quick ? 15_000 : 60_000)) {
      const tree = treeRssMB([app.pid]);
      samples.push(tree.totalMB);
      if (tree.totalMB >= peak.totalMB) peak = tree;
      await sleep(2000);
    }
    const producedPerSec = ((await producedTotal(app.api)) - before) / ((Date.now() - started) / 1000);
    const byProcess = Object.fromEntries(Object.entries(peak.byPid).map(([pid, mb]) => [`${processLabel(Number(pid))} (${pid})`, mb]));
    const result = {
      totalRssMB: { max: round(Math.max(...samples)), mean: round(samples.reduce((a, b) => a + b, 0) / samples.length) },
      byProcess,
      heapMbPerNode: clusterHeapMb,
      producedPerSec: round(producedPerSec),
      how: "VmRSS summed over the app server and all its descendants (bash wrappers, three node JVMs, producers, workers), every 2 s for 60 s after a 45 s warm-up at 1,000 rec/s; Chromium not counted",
    };
    deps.log(`cluster: total RSS max ${result.totalRssMB.max} MB, mean ${result.totalRssMB.mean} MB at ${result.producedPerSec} rec/s`);
    return result;
  } finally {
    await app.stop();
  }
}
