import type { OutgoingRecord } from "@/lib/contract/records";
import type { LabProducer, PartitionOffset } from "@/server/kafka/types";

/**
 * Group commit: the outputs and input offsets of every batch handed in while a transaction is in
 * flight (or in the same turn of the event loop) go into the next transaction together. Each caller
 * still learns whether *its* outputs and offsets were committed; atomicity is unchanged (a batch's
 * outputs and offsets are always in the same transaction), there are just fewer transactions.
 */
export function createGroupCommitter(producer: LabProducer, groupId: string) {
  interface Waiting {
    outputs: OutgoingRecord[];
    offset: PartitionOffset;
    resolve(): void;
    reject(err: unknown): void;
  }
  let pending: Waiting[] = [];
  let flushing = false;

  const flush = async () => {
    flushing = true;
    try {
      while (pending.length) {
        // Let the other partitions of the same fetch finish their step and join this transaction.
        await new Promise<void>((r) => setImmediate(r));
        const group = pending;
        pending = [];
        try {
          await producer.sendAtomically(group.length === 1 ? group[0]!.outputs : group.flatMap((g) => g.outputs), {
            groupId,
            offsets: group.map((g) => g.offset),
          });
          for (const g of group) g.resolve();
        } catch (err) {
          for (const g of group) g.reject(err);
        }
      }
    } finally {
      flushing = false;
    }
  };

  return (outputs: OutgoingRecord[], offset: PartitionOffset): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      pending.push({ outputs, offset, resolve, reject });
      if (!flushing) void flush();
    });
}
