import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { groupMessagesPerPartition } from "./partition-grouping";

type Grouping = typeof groupMessagesPerPartition;
const kafkajsGrouping = createRequire(import.meta.url)("kafkajs/src/producer/groupMessagesPerPartition.js") as Grouping;

describe("per-partition grouping", () => {
  it("gives what kafkajs' own grouping gives, with the partitioner called in the same order", () => {
    const partitionMetadata = [{ partitionId: 0 }, { partitionId: 1 }, { partitionId: 2 }];
    const messages = Array.from({ length: 500 }, (_, i) => ({ key: `k${(i * 7919) % 13}`, value: String(i) }));
    const calls: string[][] = [[], []];
    const partitioner = (run: number) => (a: { message: { key: string } }) => {
      calls[run]!.push(a.message.key);
      return Number(a.message.key.slice(1)) % 3;
    };
    const ours = groupMessagesPerPartition({ topic: "t", partitionMetadata, messages, partitioner: partitioner(0) });
    const theirs = kafkajsGrouping({ topic: "t", partitionMetadata, messages, partitioner: partitioner(1) });
    expect(ours).toEqual(theirs);
    expect(Object.keys(ours)).toEqual(["0", "1", "2"]);
    expect(calls[0]).toEqual(calls[1]);
  });

  it("gives nothing for a topic without partition metadata, as kafkajs does", () => {
    const args = { topic: "t", partitionMetadata: [], messages: [{ key: "a" }], partitioner: () => 0 };
    expect(groupMessagesPerPartition(args)).toEqual({});
    expect(kafkajsGrouping(args)).toEqual({});
  });
});
