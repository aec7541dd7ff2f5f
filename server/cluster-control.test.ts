import { afterEach, describe, expect, it, vi } from "vitest";
import type { NodeCount } from "@/lib/contract/api";
import { clusterLayout, type EmbeddedCluster, type EmbeddedClusterOptions } from "./broker";
import { fakeBroker } from "./broker/fake.test-support";
import { createClusterControl } from "./cluster-control";

const options = (nodes: NodeCount): EmbeddedClusterOptions => ({ port: 9092, nodes, dataDir: `/d/${nodes}`, cacheDir: "/c", kafkaVersion: "4.3.1" });

/** A cluster of fake nodes; startNode gives each node a new pid. */
function fakeCluster(o: EmbeddedClusterOptions) {
  const layout = clusterLayout({ basePort: o.port, nodes: o.nodes, dataDir: o.dataDir });
  let nextPid = o.nodes * 100;
  const nodes = layout.map((n) => fakeBroker(o.nodes * 100 + n.id, ""));
  const cluster: EmbeddedCluster = {
    bootstrap: layout.map((n) => `127.0.0.1:${n.port}`).join(","),
    clusterId: `c${o.nodes}`,
    version: "4.3.1",
    layout,
    nodes,
    startNode: vi.fn(async () => fakeBroker(++nextPid + 10, "")),
    stop: async () => undefined,
  };
  return { cluster, nodes };
}

afterEach(() => vi.useRealTimers());

describe("the cluster control", () => {
  it("kills one node without restarting it, restarts a node that crashed on its own, and starts a killed one when asked", async () => {
    vi.useFakeTimers();
    const { cluster, nodes } = fakeCluster(options(3));
    const control = createClusterControl({ options, count: 3, initial: cluster, clock: () => Date.now() });
    await control.killNode(2);
    nodes[2]!.crash({ code: 137, signal: null });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(cluster.startNode).toHaveBeenCalledTimes(1);
    expect(cluster.startNode).toHaveBeenCalledWith(3);
    const byId = Object.fromEntries(control.cluster()!.nodes.map((n) => [n.id, n]));
    expect(byId[1]).toMatchObject({ status: "running", pid: 301, port: 9092, controllerPort: 9093 });
    expect(byId[2]).toMatchObject({ status: "stopped", pid: null, crashes: 0, reason: expect.stringContaining("SIGKILL") });
    expect(byId[3]).toMatchObject({ status: "running", crashes: 1, port: 9096 });
    expect(control.state()).toMatchObject({ status: "running", crashes: 1 });
    await control.startNode(2);
    expect(cluster.startNode).toHaveBeenLastCalledWith(2);
    expect(control.cluster()!.nodes.every((n) => n.status === "running")).toBe(true);
  });

  it("answers 404 for a node that does not exist", async () => {
    const control = createClusterControl({ options, count: 3, initial: fakeCluster(options(3)).cluster });
    await expect(control.stopNode(4)).rejects.toMatchObject({ status: 404 });
  });

  it("switches from one node to three: stops the one, starts the three, keeps the choice and tells its listeners", async () => {
    const one = fakeCluster(options(1));
    const three = fakeCluster(options(3));
    const persist = vi.fn();
    const start = vi.fn(async () => three.cluster);
    const control = createClusterControl({ options, count: 1, initial: one.cluster, start, persist });
    const seen: string[] = [];
    control.onChange((p) => seen.push(p.status));
    await control.setNodeCount(3);
    expect(start).toHaveBeenCalledWith(options(3));
    expect(await one.nodes[0]!.exited).toEqual({ code: 0, signal: null });
    expect(persist).toHaveBeenCalledWith(3);
    expect(control.count()).toBe(3);
    expect(control.bootstrap()).toBe("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
    expect(seen).toEqual(expect.arrayContaining(["stopping", "starting"]));
    expect(seen.at(-1)).toBe("running");
  });

  it("starts the previous count again when the new one cannot start, and says why", async () => {
    const one = fakeCluster(options(1));
    const again = fakeCluster(options(1));
    const start = vi.fn(async (o: EmbeddedClusterOptions) => {
      if (o.nodes === 3) throw new Error("Port 9095 on 127.0.0.1 (Kafka controller port of node 2) is already in use\nFix: …");
      return again.cluster;
    });
    const control = createClusterControl({ options, count: 1, initial: one.cluster, start });
    await expect(control.setNodeCount(3)).rejects.toThrow(/9095/);
    expect(control.count()).toBe(1);
    expect(control.current()).toBe(again.cluster);
  });

  it("refuses to switch when KAFKA_NODES decides the count, and with an external cluster", async () => {
    const pinned = createClusterControl({ options, count: 1, fromEnv: true, initial: fakeCluster(options(1)).cluster });
    await expect(pinned.setNodeCount(3)).rejects.toMatchObject({ status: 409, message: expect.stringContaining("KAFKA_NODES=1") });
    const external = createClusterControl({ options: null, count: 1, initial: null });
    await expect(external.setNodeCount(3)).rejects.toMatchObject({ status: 409 });
    expect(external.state()).toBeNull();
    expect(external.cluster()).toBeNull();
  });
});
