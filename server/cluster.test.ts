import { describe, expect, it } from "vitest";
import type { RawClusterState } from "@/lib/cluster/state";
import { createClusterService, EXTERNAL_CLUSTER, NOT_CLUSTER_MODE, type NodeControl } from "./cluster";

const raw = (): RawClusterState => ({
  live: [{ id: 1, host: "127.0.0.1", port: 9092 }],
  controllerId: 1,
  topics: [],
  highWatermarks: new Map(),
  lastStableOffsets: new Map(),
  replicaEnds: new Map(),
  replicaSizes: new Map(),
  failures: [],
  unreachable: new Set(),
});
const reader = { read: async () => raw(), disconnect: async () => undefined };

function nodes(done: string[]): NodeControl {
  const act = (what: string) => async (id: number) => void done.push(`${what} ${id}`);
  return { nodeIds: () => [1, 2, 3], kill: act("kill"), stop: act("stop"), start: act("start") };
}

describe("the per-broker experiment", () => {
  it("refuses with 409 and says how to start cluster mode when the lab runs one broker", async () => {
    const svc = createClusterService({ reader, mode: "embedded", nodes: () => null });
    await expect(svc.act(1, "kill")).rejects.toMatchObject({ status: 409, message: NOT_CLUSTER_MODE });
    expect((await svc.view()).mode).toBe("single");
  });

  it("refuses with 409 for an external cluster", async () => {
    const svc = createClusterService({ reader, mode: "external", nodes: () => null });
    await expect(svc.act(1, "stop")).rejects.toMatchObject({ status: 409, message: EXTERNAL_CLUSTER });
  });

  it("answers 404 for a broker the lab does not run, and acts on one it runs", async () => {
    const done: string[] = [];
    const svc = createClusterService({ reader, mode: "embedded", nodes: () => nodes(done), clock: () => 7 });
    await expect(svc.act(4, "kill")).rejects.toMatchObject({ status: 404 });
    const answer = await svc.act(2, "kill");
    expect(done).toEqual(["kill 2"]);
    expect(answer).toMatchObject({ broker: 2, action: "kill", cluster: { at: 7, mode: "cluster", controllable: true } });
    expect(answer.cluster!.brokers.map((b) => [b.id, b.up])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
  });
});
