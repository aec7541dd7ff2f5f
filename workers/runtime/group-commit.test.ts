import { describe, expect, it } from "vitest";
import type { OutgoingRecord } from "@/lib/contract/records";
import type { CommitOffsets, LabProducer } from "@/kafka/types";
import { createGroupCommitter } from "./group-commit";

/** A producer that records each transaction and fails the ones `failOn` picks. */
function fakeProducer(failOn: (n: number) => boolean) {
  const committed: { records: OutgoingRecord[]; commit: CommitOffsets }[] = [];
  let n = 0;
  const producer: LabProducer = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    send: async () => undefined,
    async sendAtomically(records, commit) {
      await new Promise((r) => setTimeout(r, 5));
      if (failOn(n++)) throw new Error("transaction failed");
      await commit.beforeCommit?.();
      committed.push({ records, commit });
    },
  };
  return { producer, committed };
}

const out = (v: string): OutgoingRecord[] => [{ topic: "o", key: "k", value: v, timestamp: 1 }];
const at = (partition: number, offset: string) => ({ topic: "i", partition, offset });

describe("group commit", () => {
  it("commits batches handed in together in one transaction, each caller told it committed", async () => {
    const { producer, committed } = fakeProducer(() => false);
    const commit = createGroupCommitter(producer, "g");
    await Promise.all([commit(out("a"), at(0, "1")), commit(out("b"), at(1, "1"))]);
    expect(committed).toHaveLength(1);
    expect(committed[0]!.commit.offsets).toHaveLength(2);
  });

  it("commits nothing after a failed transaction, neither what waited nor what comes later", async () => {
    const { producer, committed } = fakeProducer((n) => n === 0);
    const commit = createGroupCommitter(producer, "g");
    const first = commit(out("a"), at(0, "1"));
    await new Promise((r) => setImmediate(r));
    const waiting = commit(out("b"), at(1, "1"));
    await expect(first).rejects.toThrow("transaction failed");
    await expect(waiting).rejects.toThrow("transaction failed");
    await expect(commit(out("c"), at(2, "1"))).rejects.toThrow("transaction failed");
    expect(committed).toEqual([]);
  });

  it("checks the member is still in its generation before committing, and commits nothing when it is not", async () => {
    const { producer, committed } = fakeProducer(() => false);
    const commit = createGroupCommitter(producer, "g");
    let checks = 0;
    await commit(out("a"), at(0, "1"), async () => void checks++);
    expect(checks).toBe(1);
    expect(committed).toHaveLength(1);
    await expect(commit(out("b"), at(0, "2"), async () => Promise.reject(new Error("UNKNOWN_MEMBER_ID")))).rejects.toThrow("UNKNOWN_MEMBER_ID");
    expect(committed).toHaveLength(1);
  });

  it("waits out the commit interval the policy asks for before a transaction, and groups up to its size", async () => {
    const { producer, committed } = fakeProducer(() => false);
    const waits: number[] = [];
    const interval = { arrived: () => undefined, started: () => undefined, waitMs: () => 7, groupBytes: () => 1, ratePerSec: () => 0 };
    const commit = createGroupCommitter(producer, "g", { interval, sleep: async (ms) => void waits.push(ms) });
    await Promise.all([commit(out("a"), at(0, "1")), commit(out("b"), at(1, "1"))]);
    expect(committed.map((c) => c.records.map((r) => r.value))).toEqual([["a"], ["b"]]);
    expect(waits).toEqual([7, 7]);
  });
});
