import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { DEFAULT_KAFKA_VERSION, formatStep, recoverOrphan, startEmbeddedCluster, type EmbeddedCluster, type EmbeddedClusterOptions } from "@/server/broker";
import { clusterLayout } from "@/server/broker/cluster-layout";
import { testKafka } from "./kafka";

const REPO = path.resolve(import.meta.dirname, "../..");
const LAB_DIR = path.join(REPO, ".lab");
const DEFAULT_CLUSTER_PORT = 19110;

/** TEST_CLUSTER_PORT: the first of the six ports a test file's three-node cluster takes (default 19110). */
export const testClusterPort = () => Number(process.env.TEST_CLUSTER_PORT?.trim() || DEFAULT_CLUSTER_PORT);

/** A three-node cluster's launcher options for tests: its own data dir under .lab, the shared jar cache, small heaps. */
export function testClusterOptions(port = testClusterPort(), extra: Partial<EmbeddedClusterOptions> = {}): EmbeddedClusterOptions {
  return {
    port,
    nodes: 3,
    dataDir: path.join(LAB_DIR, `test-cluster-${port}`),
    cacheDir: path.join(LAB_DIR, "kafka"),
    kafkaVersion: process.env.KAFKA_VERSION?.trim() || DEFAULT_KAFKA_VERSION,
    heapMb: 256,
    log: (step) => process.stderr.write(`${formatStep(step)}\n`),
    ...extra,
  };
}

/** Starts from empty storage, after stopping what an earlier, killed test run left on these data dirs. */
export async function startTestCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  for (const node of clusterLayout({ basePort: options.port, nodes: options.nodes, dataDir: options.dataDir })) {
    const previous = await recoverOrphan(node.dataDir);
    if (previous.kind === "in-use") {
      throw new Error(
        `another test run is using node ${node.id} of the test cluster (pid ${previous.pid}) in ${node.dataDir}: wait for it, or run with TEST_CLUSTER_PORT=${options.port + 10}`,
      );
    }
  }
  await rm(options.dataDir, { recursive: true, force: true });
  return startEmbeddedCluster(options);
}

/**
 * One three-node cluster for the test file that calls this (at its top level): started before its tests, on
 * TEST_CLUSTER_PORT, and stopped after them. Its getters throw if asked before the cluster runs.
 */
export function useTestCluster(extra: Partial<EmbeddedClusterOptions> = {}) {
  let cluster: EmbeddedCluster | null = null;
  beforeAll(async () => {
    cluster = await startTestCluster(testClusterOptions(extra.port, extra));
  }, 240_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);
  const running = () => {
    if (!cluster) throw new Error("the test cluster is not running (useTestCluster starts it in beforeAll)");
    return cluster;
  };
  return {
    cluster: running,
    bootstrap: () => running().bootstrap,
    kafka: () => testKafka(running().bootstrap),
  };
}
