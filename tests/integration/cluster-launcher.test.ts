import { spawn, type ChildProcess } from "node:child_process";
import { readdir, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pollUntil } from "@/lib/retry";
import { startEmbeddedCluster, type BrokerStep, type EmbeddedCluster } from "@/server/broker";
import { clusterLayout } from "@/server/broker/cluster-layout";
import { isBrokerCmdline, pidFilePath } from "@/server/broker/pid-file";
import { isAlive, readCmdline } from "@/server/broker/process-control";
import { testClusterOptions, testClusterPort } from "../support/cluster";
import { testKafka } from "../support/kafka";
import { firstLineJson, spawnParent } from "../support/proc";

const REPO = path.resolve(import.meta.dirname, "../..");
/** Six ports of its own, beside the files that share one cluster on TEST_CLUSTER_PORT. */
const PORT = testClusterPort() + 10;
const steps: BrokerStep[] = [];
const options = testClusterOptions(PORT, { log: (s) => steps.push(s) });
const layout = clusterLayout({ basePort: PORT, nodes: 3, dataDir: options.dataDir });

/** Every cluster started here, stopped at the end whatever failed. */
const started: EmbeddedCluster[] = [];
afterAll(async () => {
  await Promise.all(started.map((c) => c.stop()));
});

/** Pids of every live JVM running kafka.Kafka on one of the nodes' data dirs. */
async function nodeJvms(): Promise<number[]> {
  const pids = (await readdir("/proc")).filter((d) => /^\d+$/.test(d)).map(Number);
  return pids.filter((pid) => layout.some((n) => isBrokerCmdline(readCmdline(pid), n.dataDir)) && isAlive(pid));
}

const untilNoJvm = (timeoutMs: number) => pollUntil(async () => ((await nodeJvms()).length === 0 ? true : undefined), { timeoutMs, intervalMs: 100 });

async function brokerCount(bootstrap: string): Promise<number> {
  const admin = testKafka(bootstrap).admin();
  try {
    return (await admin.describeCluster()).brokers.length;
  } finally {
    await admin.disconnect();
  }
}

let cluster!: EmbeddedCluster;

describe("a three-node cluster", () => {
  let leftoverArgv: string[] = [];

  it("takes every node's JVM down with a SIGKILLed parent process", async () => {
    await rm(options.dataDir, { recursive: true, force: true });
    const parent = spawnClusterParent();
    try {
      const { pids } = await firstLineJson<{ pids: number[] }>(parent);
      expect(pids.every(isAlive)).toBe(true);
      leftoverArgv = readCmdline(pids[2]!) ?? [];
      parent.kill("SIGKILL");
      expect(await untilNoJvm(15_000)).toBe(true);
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it("recovers from a killed run (a stale pid file, a node JVM left running) and starts three JVMs that form one cluster", async () => {
    const leftover = spawn(leftoverArgv[0] ?? "java", leftoverArgv.slice(1), { detached: true, stdio: "ignore" });
    try {
      await writeFile(pidFilePath(layout[2]!.dataDir), `${leftover.pid}\n`);
      await writeFile(pidFilePath(layout[0]!.dataDir), `${process.pid}\n`);
      const isLeftoverUp = () => (isAlive(leftover.pid ?? 0) && readCmdline(leftover.pid ?? 0)?.includes("kafka.Kafka") ? true : undefined);
      expect(await pollUntil(isLeftoverUp, { timeoutMs: 10_000 })).toBe(true);
      cluster = await startEmbeddedCluster(options);
      started.push(cluster);
      const recovered = steps.filter((s) => s.step === "recover").map((s) => s.message);
      expect(recovered).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^node 1: removed stale pid file/),
          `node 3: stopped broker pid ${leftover.pid} left running by an earlier run`,
        ]),
      );
      expect(isAlive(process.pid)).toBe(true);
      expect(isAlive(leftover.pid ?? 0)).toBe(false);
    } finally {
      leftover.kill("SIGKILL");
    }
    expect(cluster.bootstrap).toBe(`127.0.0.1:${PORT},127.0.0.1:${PORT + 2},127.0.0.1:${PORT + 4}`);
    expect(cluster.nodes.map((n, i) => isBrokerCmdline(readCmdline(n.pid), layout[i]!.dataDir))).toEqual([true, true, true]);
    expect((await nodeJvms()).sort()).toEqual(cluster.nodes.map((n) => n.pid).sort());
    expect(new Set(cluster.nodes.map((n) => n.clusterId))).toEqual(new Set([cluster.clusterId]));
    expect(
      steps
        .filter((s) => s.step === "ready")
        .map((s) => s.message.slice(0, 7))
        .sort(),
    ).toEqual(["node 1:", "node 2:", "node 3:"]);
    expect(await brokerCount(cluster.bootstrap)).toBe(3);
  });

  it("starts a killed node again on its own data dir, into the same cluster", async () => {
    const killed = cluster.nodes[1]!;
    expect(await killed.kill()).toEqual({ code: null, signal: "SIGKILL" });
    const again = await cluster.startNode(2);
    expect(again.pid).not.toBe(killed.pid);
    expect(again.clusterId).toBe(cluster.clusterId);
    expect(await pollUntil(async () => ((await brokerCount(cluster.bootstrap)) === 3 ? true : undefined), { timeoutMs: 30_000 })).toBe(true);
  });

  it("stops every node's JVM and removes their pid files", async () => {
    await cluster.stop();
    expect(await nodeJvms()).toEqual([]);
    for (const n of layout) await expect(readdir(n.dataDir)).resolves.not.toContain("broker.pid");
  });

  it("names the port and the node when a node's port is taken, and starts no JVM", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(PORT + 3, "127.0.0.1", resolve));
    try {
      await expect(startEmbeddedCluster(options)).rejects.toMatchObject({
        code: "PORT_IN_USE",
        message: expect.stringContaining(`Port ${PORT + 3} on 127.0.0.1 (Kafka controller port of node 2)`),
        fix: expect.stringContaining(`KAFKA_PORT=${PORT + 10}`),
      });
      expect(await nodeJvms()).toEqual([]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

/** A separate Node process that starts the cluster, prints its JVMs' pids, then idles until killed. */
function spawnClusterParent(): ChildProcess {
  const script = `
    const { startEmbeddedCluster } = await import(process.env.BROKER_MODULE);
    const cluster = await startEmbeddedCluster(JSON.parse(process.env.CLUSTER_OPTIONS));
    process.stdout.write(JSON.stringify({ pids: cluster.nodes.map((n) => n.pid) }) + "\\n");
    setInterval(() => {}, 60_000);
  `;
  const { log: _log, ...serializable } = options;
  return spawnParent(REPO, script, { BROKER_MODULE: path.join(REPO, "server/broker/index.ts"), CLUSTER_OPTIONS: JSON.stringify(serializable) });
}
