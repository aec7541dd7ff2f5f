import { rm } from "node:fs/promises";
import path from "node:path";
import { formatStep, recoverOrphan, startEmbeddedBroker } from "@/server/broker";
import type { BenchConfig } from "../config";

export interface BenchBroker {
  brokers: string;
  pid: number | null;
  heapMb: number | null;
  stop(): Promise<void>;
}

/**
 * BENCH_KAFKA_BROKERS set: use that cluster (memory then excludes the broker). Otherwise start our own
 * embedded broker on BENCH_KAFKA_PORT (default 19892) in `.lab/bench-broker`, wiped first.
 */
export async function benchBroker(root: string, config: BenchConfig, log: (line: string) => void): Promise<BenchBroker> {
  const external = config.externalBrokers;
  if (external) return { brokers: external, pid: null, heapMb: null, stop: async () => undefined };
  const { kafkaPort: port, kafkaHeapMb: heapMb, kafkaNice: nice } = config;
  const lab = path.join(root, ".lab");
  const dataDir = path.join(lab, "bench-broker");
  const prev = await recoverOrphan(dataDir);
  if (prev.kind === "in-use") throw new Error(`another bench broker (pid ${prev.pid}) uses ${dataDir}; stop it or set BENCH_KAFKA_PORT`);
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}.log`, { force: true });
  const b = await startEmbeddedBroker({
    port,
    controllerPort: port + 1,
    dataDir,
    cacheDir: path.join(lab, "kafka"),
    kafkaVersion: config.kafkaVersion,
    heapMb,
    nice,
    log: (step) => log(formatStep(step)),
  });
  return { brokers: b.bootstrap, pid: b.pid, heapMb, stop: () => b.stop() };
}
