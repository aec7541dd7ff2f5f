import type { DeadLetterReason, LabRecord, OutgoingRecord } from "../contract/records";
import type { TopicNames } from "../contract/topics";
import { deadLetterFor } from "./dead-letter";
import { JoinProgress, decodeJoinMeta, encodeJoinMeta } from "./join-progress";
import { JoinState, type JoinConfig, type JoinSideName } from "./join-state";
import { validateInputRecord, validateOutputRecord } from "./validate";

export interface JoinBatchInput {
  topic: string;
  partition: number;
  records: LabRecord[];
  nextOffset: string;
}

export interface JoinBatchResult {
  outputs: OutgoingRecord[];
  deadLetters: number;
  matches: number;
  /** Offset to commit: the oldest record of this partition still buffered, else the batch's next offset. */
  commitOffset: string;
  commitMetadata: string;
  /** Event times of the emitted pairs, for latency. */
  completedEventTimes: number[];
  /** Set when the batch was processed only up to here: read again from this offset. */
  resumeAt: string | null;
}

/**
 * Pairs written per batch before the rest of the batch is left for the next fetch. Few keys and a wide
 * window make every record match thousands of others; without a bound, one fetch could build millions
 * of output records in memory. The bound keeps memory flat while the join is output-bound.
 */
export const MAX_OUTPUTS_PER_BATCH = 20_000;

/**
 * The join worker's logic without Kafka: validate each record, add it to the join state, emit
 * pairs, and say what to commit so that a restart neither misses nor repeats a pair.
 */
export class JoinProcessor {
  readonly state: JoinState;
  private readonly progress = new JoinProgress();
  private readonly cTopic: string;
  private readonly dTopic: string;

  constructor(
    config: JoinConfig,
    private readonly names: TopicNames,
    private readonly worker = "join",
    private readonly maxOutputsPerBatch = MAX_OUTPUTS_PER_BATCH,
  ) {
    this.state = new JoinState(config);
    this.cTopic = names.name("C_output");
    this.dTopic = names.name("D_input");
  }

  get topics(): string[] {
    return [this.cTopic, this.dTopic];
  }

  /** Both co-partitioned inputs of `partition` are restored together, before either is processed. */
  needsRestore(partition: number): boolean {
    return !this.progress.isRestored(`${this.cTopic}:${partition}`) || !this.progress.isRestored(`${this.dTopic}:${partition}`);
  }

  /** Partition `partition` was assigned: start from what was committed for each input (offset and metadata). */
  restore(partition: number, committed: Record<JoinSideName, { offset: string | null; metadata: string | null }>): void {
    for (const side of ["C", "D"] as const) {
      const meta = decodeJoinMeta(committed[side].metadata);
      this.progress.restore(`${this.topicOf(side)}:${partition}`, committed[side].offset, meta);
      if (meta) this.state.restoreProgress(meta);
    }
  }

  /** Partitions no longer ours: forget their state, so a later owner rebuilds it. */
  keepOnly(assigned: { topic: string; partition: number }[]): void {
    const keep = new Set(assigned.map((a) => `${a.topic}:${a.partition}`));
    for (const tp of this.progress.tracked()) {
      if (keep.has(tp)) continue;
      const cut = tp.lastIndexOf(":");
      this.progress.drop(tp);
      this.state.dropPartition(this.sideOf(tp.slice(0, cut)), Number(tp.slice(cut + 1)));
    }
  }

  /** Whether some input is still re-reading what it had read before a restart (new records on the other side wait for it). */
  replaying(): boolean {
    return this.progress.tracked().some((tp) => this.progress.replaying(tp));
  }

  processBatch(batch: JoinBatchInput, now: number): JoinBatchResult {
    const side = this.sideOf(batch.topic);
    const tp = `${batch.topic}:${batch.partition}`;
    const res: JoinBatchResult = {
      outputs: [],
      deadLetters: 0,
      matches: 0,
      commitOffset: batch.nextOffset,
      commitMetadata: "",
      completedEventTimes: [],
      resumeAt: null,
    };
    const otherTp = `${this.topicOf(side === "C" ? "D" : "C")}:${batch.partition}`;
    for (const rec of batch.records) {
      if (res.outputs.length >= this.maxOutputsPerBatch) {
        res.resumeAt = rec.offset;
        break;
      }
      const role = this.progress.classify(tp, rec.offset);
      // A new record waits until the other input has re-read what it had before the restart:
      // only then is every record it may pair with in state, and "both re-read" means "emitted".
      if (role === "new" && this.progress.replaying(otherTp)) {
        res.resumeAt = rec.offset;
        break;
      }
      if (role !== "skip" && !this.processRecord(rec, side, role === "replay", now, res)) this.progress.droppedRecord(tp, rec.offset);
      this.progress.processed(tp, rec.offset);
    }
    res.commitOffset = this.state.lowestBufferedOffset(side, batch.partition) ?? this.progress.position(tp) ?? batch.nextOffset;
    res.commitMetadata = encodeJoinMeta({
      next: this.progress.frontier(tp) ?? batch.nextOffset,
      ...this.state.progress(),
      dropped: this.progress.droppedFrom(tp, res.commitOffset),
    });
    return res;
  }

  /** Returns whether the record is now in the join's state (false: dead-lettered or late). */
  private processRecord(rec: LabRecord, side: JoinSideName, replayed: boolean, now: number, res: JoinBatchResult): boolean {
    const dead = (reason: DeadLetterReason, error: string) => {
      if (replayed) return false; // dead-lettered before the restart already
      const letter = deadLetterFor({ ...rec, topic: this.names.base(rec.topic) }, reason, error, this.worker);
      res.outputs.push({ ...letter, topic: this.names.name(letter.topic) });
      res.deadLetters++;
      return false;
    };
    const valid = side === "C" ? validateOutputRecord(rec, now) : validateInputRecord({ ...rec, topic: this.names.base(rec.topic) }, "D", now);
    if (!valid.ok) return dead(valid.reason, valid.error);
    if (rec.key === null) return dead("missing_key", "a record without a key cannot join");
    const v = valid.value as { ts: number; result?: number; value?: number };
    const entry = { key: rec.key, val: (side === "C" ? v.result : v.value)!, ts: v.ts, partition: rec.partition, offset: rec.offset, replayed };
    const added = side === "C" ? this.state.addC(entry) : this.state.addD(entry);
    for (const m of added.matches) {
      res.outputs.push({ topic: this.names.name("D_input_ready"), key: rec.key, value: JSON.stringify(m), timestamp: m.ts });
      res.completedEventTimes.push(m.ts);
    }
    res.matches += added.matches.length;
    return !added.late;
  }

  private sideOf(topic: string): JoinSideName {
    return topic === this.cTopic ? "C" : "D";
  }

  private topicOf(side: JoinSideName): string {
    return side === "C" ? this.cTopic : this.dTopic;
  }
}
