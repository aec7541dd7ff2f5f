/**
 * kafkajs groups a send's messages by partition with `[...current, message]` for every message, so
 * a send of n records to one partition copies O(n²) array slots: 21 % of the strategy worker's CPU
 * while draining a backlog, plus much of its garbage collection (bench/README.md, item 24). This is the
 * same grouping in one pass: the same partitioner calls, in the same order, giving the same object.
 * kafka/kafkajs-preload.ts puts it in place of kafkajs' module in the worker processes.
 */
export interface GroupingArgs<M> {
  topic: string;
  partitionMetadata: readonly unknown[];
  messages: readonly M[];
  partitioner: (args: { topic: string; partitionMetadata: readonly unknown[]; message: M }) => number;
}

export function groupMessagesPerPartition<M>({ topic, partitionMetadata, messages, partitioner }: GroupingArgs<M>): Record<number, M[]> {
  const result: Record<number, M[]> = {};
  if (partitionMetadata.length === 0) return result;
  for (const message of messages) {
    const partition = partitioner({ topic, partitionMetadata, message });
    (result[partition] ??= []).push(message);
  }
  return result;
}
