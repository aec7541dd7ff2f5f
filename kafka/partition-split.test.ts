import { describe, expect, it } from "vitest";
import type { PartitionMetadata } from "kafkajs";
import type { OutgoingRecord } from "@/lib/contract/records";
import { createPartitionSplitter, sendsByPartition, type Partitioner } from "./partition-split";

const meta = (replicas: number): PartitionMetadata[] =>
  [0, 1, 2].map((partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: partitionId + 1,
    replicas: Array.from({ length: replicas }, (_, i) => ((partitionId + i) % 3) + 1),
    isr: [],
  }));
const rec = (topic: string, key: string): OutgoingRecord => ({ topic, key, value: `v-${key}`, timestamp: 0 });
/** Keys name their partition: "k1-…" goes to partition 1. */
const byKeyPrefix: Partitioner = ({ message }) => Number(String(message.key).slice(1, 2));

describe("sends split by partition", () => {
  it("keeps one send when no topic is replicated (one broker holds every partition)", () => {
    const records = [rec("a", "k0-x"), rec("a", "k1-y"), rec("b", "k2-z")];
    expect(sendsByPartition(records, () => meta(1), byKeyPrefix)).toEqual([records]);
  });

  it("makes one send per topic partition on a replicated topic, each in the records' order", () => {
    const records = [rec("a", "k0-1"), rec("a", "k1-1"), rec("a", "k0-2"), rec("b", "k1-1"), rec("a", "k1-2")];
    const sends = sendsByPartition(records, () => meta(3), byKeyPrefix);
    expect(sends.map((s) => s.map((r) => `${r.topic}/${r.key}`))).toEqual([["a/k0-1", "a/k0-2"], ["a/k1-1", "a/k1-2"], ["b/k1-1"]]);
  });

  it("sends a topic whole until kafkajs' calls to its partitioner showed its partitions, then splits what follows", async () => {
    const splitter = createPartitionSplitter(byKeyPrefix);
    const calls: string[][] = [];
    const send = async (rs: OutgoingRecord[]) => {
      // What kafkajs does in a send: ask the partitioner for each message, with the topic's metadata.
      for (const r of rs) splitter.partitioner({ topic: r.topic, partitionMetadata: meta(3), message: { key: r.key, value: r.value } });
      calls.push(rs.map((r) => r.key!));
    };
    await splitter.send([rec("a", "k2-1"), rec("a", "k0-1")], send);
    await splitter.send([rec("a", "k2-2"), rec("a", "k0-2"), rec("a", "k2-3")], send);
    expect(calls).toEqual([["k2-1", "k0-1"], ["k2-2", "k2-3"], ["k0-2"]]);
  });
});
