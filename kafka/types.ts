import type { LabRecord, OutgoingRecord } from "@/lib/contract/records";

/** A producer's acks, as the settings name them. */
export type Acks = "all" | "1" | "0";

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface PartitionOffset extends TopicPartition {
  /** the next offset to read, as Kafka commits it */
  offset: string;
  /** committed beside the offset (Kafka's offset metadata) */
  metadata?: string | null;
}

export interface CommitOffsets {
  groupId: string;
  offsets: PartitionOffset[];
  /**
   * Called after the offsets joined the transaction and before it commits; a rejection aborts it.
   * (The consumer's `stillMember`: see BatchContext.)
   */
  beforeCommit?: () => Promise<void>;
}

export interface TopicPartitionOffsets {
  partition: number;
  earliest: string;
  latest: string;
}

/** What one fetch of one partition gave us. */
export interface LabBatch {
  topic: string;
  partition: number;
  records: LabRecord[];
  highWatermark: string;
  /** the offset after the last record of the batch */
  nextOffset: string;
}

export interface BatchOutcome {
  resumeAt: string | null;
}

export interface BatchContext {
  heartbeat(): Promise<void>;
  /**
   * Resolves while this consumer is still a member of the generation that fetched the batch (a
   * heartbeat answers, or answers that a rebalance it has not yet rejoined is in progress; the answer
   * may be up to 500 ms old, far inside the 10 s the group waits before expelling a member); rejects
   * once the group went on without it (UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION). Checked after a
   * transaction's offsets reached the group coordinator, it fences a zombie: any member the group
   * gives the partition to later reads those offsets (waiting while they are pending), and one that
   * got it earlier means this member was already expelled, so the check fails and the transaction aborts.
   */
  stillMember(): Promise<void>;
  isStale(): boolean;
}

export interface LabProducer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /**
   * One batched send for many records, acknowledged by every in-sync replica (acks "all", the default)
   * or, for the cluster experiment, by the leader only ("1") or not at all ("0").
   */
  send(records: OutgoingRecord[], acks?: Acks): Promise<void>;
  /** Outputs and the input offsets that caused them, committed in one Kafka transaction. */
  sendAtomically(records: OutgoingRecord[], commit: CommitOffsets): Promise<void>;
}

export interface LabConsumer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  stop(): Promise<void>;
  subscribe(topics: readonly string[], fromBeginning: boolean): Promise<void>;
  seek(topic: string, partition: number, offset: string): void;
  /**
   * Hands each fetched batch to `eachBatch`. When it answers `{ resumeAt }`, only the records
   * before that offset count as consumed and the rest are fetched again.
   */
  run(
    eachBatch: (batch: LabBatch, ctx: BatchContext) => Promise<BatchOutcome | void>,
    /** How many partitions' batches may be in hand at once (default 1); one partition's batches are always in order. */
    opts?: { partitionsConcurrently?: number },
  ): Promise<void>;
  commit(offsets: PartitionOffset[]): Promise<void>;
  /**
   * The group's committed offsets for these partitions, waiting while a transaction still holds
   * offsets for them that are not readable yet (OffsetFetch with require_stable, KIP-447).
   */
  stableCommitted(partitions: readonly TopicPartition[]): Promise<PartitionOffset[]>;
  /** Stop fetching these partitions until `resume`; batches already in hand still arrive. */
  pause(partitions: readonly TopicPartition[]): void;
  resume(partitions: readonly TopicPartition[]): void;
  onAssignment(listener: (assigned: TopicPartition[]) => void): () => void;
  /**
   * The group generation this member works in: null from the moment it learns of a rebalance (or joins)
   * until a heartbeat confirms the generation its assignment belongs to.
   */
  onGeneration(listener: (generation: number | null) => void): () => void;
  onCrash(listener: (error: Error, willRestart: boolean) => void): () => void;
}
