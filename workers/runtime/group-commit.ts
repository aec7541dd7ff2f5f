import type { OutgoingRecord } from "@/lib/contract/records";
import type { LabProducer, PartitionOffset } from "@/kafka/types";
import { createCommitInterval, type CommitInterval } from "./commit-interval";

export interface GroupCommitOptions {
  /**
   * When the next transaction may start and how large it may grow (./commit-interval.ts). Batches are
   * grouped only up to that size, so a catch-up after a backlog still commits in steps rather than in
   * one huge transaction.
   */
  interval?: CommitInterval;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function approxBytes(records: OutgoingRecord[]): number {
  let n = 0;
  for (const r of records) n += 24 + (r.key?.length ?? 0) + r.value.length;
  return n;
}

/**
 * Group commit: the outputs and input offsets of every batch handed in while a transaction is in
 * flight (or in the same turn of the event loop) go into the next transaction together. Each caller
 * still learns whether *its* outputs and offsets were committed; atomicity is unchanged (a batch's
 * outputs and offsets are always in the same transaction), there are just fewer transactions.
 */
export function createGroupCommitter(producer: LabProducer, groupId: string, o: GroupCommitOptions = {}) {
  const clock = o.clock ?? Date.now;
  const interval = o.interval ?? createCommitInterval(clock);
  const sleep = o.sleep ?? pause;
  interface Waiting {
    outputs: OutgoingRecord[];
    offset: PartitionOffset;
    beforeCommit?: () => Promise<void>;
    resolve(): void;
    reject(err: unknown): void;
  }
  const pending: Waiting[] = [];
  let flushing = false;
  // After one transaction fails, none after it may commit: their steps saw the failed batch's records,
  // so committing them would make the committed state disagree with the committed outputs.
  let failure: unknown = null;

  /** As many waiting batches as fit in one transaction (at least one), oldest first. */
  const takeGroup = (): Waiting[] => {
    const maxBytes = interval.groupBytes();
    let bytes = 0;
    let n = 0;
    while (n < pending.length) {
      bytes += approxBytes(pending[n]!.outputs);
      if (n > 0 && bytes > maxBytes) break;
      n++;
    }
    return pending.splice(0, n);
  };

  const flush = async () => {
    flushing = true;
    try {
      while (pending.length) {
        // Let the other partitions of the same fetch finish their step and join this transaction.
        await new Promise<void>((r) => setImmediate(r));
        // At high rates, fewer and larger transactions: wait out the commit interval first.
        const wait = interval.waitMs();
        if (wait > 0) await sleep(wait);
        const group = takeGroup();
        interval.started();
        try {
          await producer.sendAtomically(group.length === 1 ? group[0]!.outputs : group.flatMap((g) => g.outputs), {
            groupId,
            offsets: group.map((g) => g.offset),
            // Every batch waiting together came from the same consumer generation (kafkajs rejoins only
            // once every batch in hand is done), so one check answers for all of them.
            beforeCommit: group.find((g) => g.beforeCommit)?.beforeCommit,
          });
          for (const g of group) g.resolve();
        } catch (err) {
          failure = err;
          for (const g of [...group, ...pending.splice(0)]) g.reject(err);
        }
      }
    } finally {
      flushing = false;
    }
  };

  return (outputs: OutgoingRecord[], offset: PartitionOffset, beforeCommit?: () => Promise<void>): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (failure !== null) return reject(failure);
      pending.push({ outputs, offset, beforeCommit, resolve, reject });
      interval.arrived(outputs.length);
      if (!flushing) void flush();
    });
}
