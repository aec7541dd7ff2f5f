import { describe, expect, it } from "vitest";
import { clusterHealth, partitionFlags, partitionKey, replicaKey, shapeClusterView, type RawClusterState } from "./state";

const raw = (patch: Partial<RawClusterState> = {}): RawClusterState => ({
  live: [
    { id: 1, host: "127.0.0.1", port: 9092 },
    { id: 2, host: "127.0.0.1", port: 9093 },
  ],
  controllerId: 2,
  topics: [
    { topic: "__consumer_offsets", partitions: [{ partition: 0, leader: 1, replicas: [1], isr: [1], offlineReplicas: [] }] },
    {
      topic: "A_input",
      partitions: [
        { partition: 1, leader: -1, replicas: [3], isr: [3], offlineReplicas: [3] },
        { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2], offlineReplicas: [3] },
      ],
    },
  ],
  highWatermarks: new Map([[partitionKey("A_input", 0), "40"]]),
  lastStableOffsets: new Map([[partitionKey("A_input", 0), "38"]]),
  replicaEnds: new Map([
    [replicaKey(1, "A_input", 0), "42"],
    [replicaKey(2, "A_input", 0), "40"],
  ]),
  replicaSizes: new Map([[replicaKey(1, "A_input", 0), 1234]]),
  failures: [],
  unreachable: new Set(),
  ...patch,
});

const opts = { at: 5, mode: "cluster" as const, controllable: true, expected: [1, 2, 3] };

describe("the cluster view", () => {
  it("flags a partition with fewer in-sync replicas than replicas, and one without a listed leader", () => {
    const live = new Set([1, 2]);
    expect(partitionFlags({ leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] }, live)).toEqual({ underReplicated: false, offline: false });
    expect(partitionFlags({ leader: 1, replicas: [1, 2, 3], isr: [1, 2] }, live)).toEqual({ underReplicated: true, offline: false });
    expect(partitionFlags({ leader: -1, replicas: [3], isr: [3] }, live).offline).toBe(true);
    expect(partitionFlags({ leader: 3, replicas: [3, 1], isr: [3, 1] }, live).offline).toBe(true);
  });

  it("lists the expected brokers, a down one too, with the quorum leader as controller", () => {
    const v = shapeClusterView(raw(), opts);
    expect(v.brokers).toEqual([
      { id: 1, address: "127.0.0.1:9092", up: true, listed: true, controller: false },
      { id: 2, address: "127.0.0.1:9093", up: true, listed: true, controller: true },
      { id: 3, address: null, up: false, listed: false, controller: false },
    ]);
  });

  it("counts a broker that is listed but does not answer as down", () => {
    const v = shapeClusterView(raw({ unreachable: new Set([1]) }), opts);
    expect(v.brokers[0]).toMatchObject({ id: 1, up: false, listed: true });
  });

  it("shapes each partition in order with each replica's end offset, the HW and the LSO, internal topics left out", () => {
    const v = shapeClusterView(raw(), opts);
    expect(v.topics.map((t) => t.topic)).toEqual(["A_input"]);
    const [p0, offline] = v.topics[0]!.partitions;
    expect(p0).toMatchObject({ partition: 0, leader: 1, isr: [1, 2], highWatermark: "40", lastStableOffset: "38", underReplicated: true, offline: false });
    expect(p0!.replicas).toEqual([
      { broker: 1, logEndOffset: "42", sizeBytes: 1234, inSync: true, offline: false },
      { broker: 2, logEndOffset: "40", sizeBytes: null, inSync: true, offline: false },
      { broker: 3, logEndOffset: null, sizeBytes: null, inSync: false, offline: true },
    ]);
    expect(offline).toMatchObject({ partition: 1, leader: -1, highWatermark: null, offline: true });
    expect(clusterHealth(v)).toEqual({ underReplicated: 1, offline: 1 });
  });

  it("says which broker did not answer", () => {
    expect(shapeClusterView(raw({ failures: [{ broker: 2, error: "timeout" }] }), opts).error).toBe("broker 2: timeout");
  });
});
