import { AGGREGATES_TOPIC, STRATEGIES, outputTopic, type LabRecord, type OutgoingRecord, type Strategy } from "../contract/records";
import type { TopicNames } from "../contract/topics";
import { pickCheckpoint, encodeAggMeta, type CommittedPartition } from "./aggregate-state";
import { deadLetterFor } from "./dead-letter";
import { compareOffsets } from "./offsets";
import { validateOutputRecord } from "./validate";
import { WindowTable, type AggInput, type LogEnd, type WindowAggConfig } from "./window-agg";

export interface AggBatchInput {
  topic: string;
  partition: number;
  records: LabRecord[];
  nextOffset: string;
  /** The partition's end offset when the batch was fetched. */
  highWatermark?: string;
}

export interface AggBatchResult {
  outputs: OutgoingRecord[];
  deadLetters: number;
  commitOffset: string;
  commitMetadata: string;
  completedEventTimes: number[];
  /** Set when the table took the batch only up to here (it is full and this partition is ahead): read again from here. */
  resumeAt: string | null;
  /** Whether the table took any record of the batch (so a partition it held back may now go on). */
  progressed: boolean;
}

interface Held {
  strategy: Strategy;
  table: WindowTable;
  seq: number;
}

/**
 * The aggregation worker's logic without Kafka: one window table per strategy (per X_output topic),
 * each restored from its checkpoint before its first batch after any (re)assignment, and a new
 * checkpoint with every batch's commit.
 */
export class AggregateProcessor {
  private readonly held = new Map<string, Held>();
  private owned = new Map<string, number[]>();
  private readonly strategyOf = new Map<string, Strategy>();

  constructor(
    private readonly config: WindowAggConfig,
    private readonly names: TopicNames,
    private readonly worker = "aggregate",
  ) {
    for (const s of STRATEGIES) this.strategyOf.set(names.name(outputTopic(s)), s);
  }

  get topics(): string[] {
    return [...this.strategyOf.keys()];
  }

  needsRestore(topic: string): boolean {
    return !this.held.has(topic);
  }

  /**
   * Rebuild `topic`'s table from what the group committed for each of its partitions, and learn how
   * far each partition's log reaches (so an empty one is told from one not read yet). Returns whether
   * a checkpoint was used.
   */
  restore(topic: string, committed: CommittedPartition[], logEnds: LogEnd[] = []): boolean {
    const cp = pickCheckpoint(committed, this.config.slideMs);
    const strategy = this.strategyOf.get(topic)!;
    const table = new WindowTable(strategy, this.config, cp?.state ?? null);
    table.setOwnedPartitions(this.owned.get(topic) ?? []);
    table.setLogEnds(logEnds);
    this.held.set(topic, { strategy, table, seq: cp?.seq ?? 0 });
    return cp !== null;
  }

  /** Owned partitions of `topic` that do not hold its watermark back because they have no record yet. */
  emptyPartitions(topic: string): number[] {
    return this.held.get(topic)?.table.emptyPartitions() ?? [];
  }

  /** Newer log ends (an empty partition may have records by now). */
  setLogEnds(topic: string, logEnds: LogEnd[]): void {
    this.held.get(topic)?.table.setLogEnds(logEnds);
  }

  /**
   * After any rebalance, forget every table: each is restored from the broker before its next batch,
   * so the state always matches the committed offsets (also after a transaction that failed).
   */
  onAssignment(assigned: { topic: string; partition: number }[]): void {
    this.held.clear();
    this.owned = new Map();
    for (const { topic, partition } of assigned) this.owned.set(topic, [...(this.owned.get(topic) ?? []), partition]);
  }

  processBatch(batch: AggBatchInput, now: number): AggBatchResult {
    const held = this.held.get(batch.topic);
    if (!held) throw new Error(`${batch.topic} was not restored before its first batch`);
    const res: AggBatchResult = {
      outputs: [],
      deadLetters: 0,
      commitOffset: batch.nextOffset,
      commitMetadata: "",
      completedEventTimes: [],
      resumeAt: null,
      progressed: true,
    };
    const next = held.table.nextOffset(batch.partition);
    const inputs: AggInput[] = [];
    const letters: { offset: string; record: OutgoingRecord }[] = [];
    for (const rec of batch.records) {
      if (next !== null && compareOffsets(rec.offset, next) < 0) continue; // already in the state
      const valid = validateOutputRecord(rec, now);
      if (!valid.ok) {
        const letter = deadLetterFor({ ...rec, topic: this.names.base(rec.topic) }, valid.reason, valid.error, this.worker);
        letters.push({ offset: rec.offset, record: { ...letter, topic: this.names.name(letter.topic) } });
        continue;
      }
      inputs.push({ offset: rec.offset, ts: valid.value.ts, result: valid.value.result });
    }
    const rows = held.table.processBatch(batch.partition, inputs, batch.nextOffset, batch.highWatermark);
    // Only what comes before where the table stopped is processed now; the rest is read again.
    const stop = (res.resumeAt = held.table.stoppedAt);
    const before = (offset: string) => stop === null || compareOffsets(offset, stop) < 0;
    res.progressed = inputs.length > 0 && before(inputs[0]!.offset);
    for (const l of letters.filter((l) => before(l.offset))) res.outputs.push(l.record);
    res.deadLetters = res.outputs.length;
    res.completedEventTimes = inputs.filter((r) => before(r.offset)).map((r) => r.ts);
    for (const row of rows) {
      res.outputs.push({ topic: this.names.name(AGGREGATES_TOPIC), key: held.strategy, value: JSON.stringify(row), timestamp: row.windowStart });
    }
    held.seq++;
    res.commitOffset = stop ?? held.table.nextOffset(batch.partition) ?? batch.nextOffset;
    res.commitMetadata = encodeAggMeta({ seq: held.seq, state: held.table.snapshot() }, this.config.slideMs);
    return res;
  }

  /** For metrics and logs: per strategy, its watermark, open windows, late records dropped and partitions skipped as empty. */
  stats(): { strategy: Strategy; watermark: number | null; openWindows: number; lateDropped: number; emptyPartitions: number[] }[] {
    return [...this.held.values()].map(({ strategy, table }) => ({
      strategy,
      watermark: table.watermark,
      openWindows: table.openWindows,
      lateDropped: table.lateDropped,
      emptyPartitions: table.emptyPartitions(),
    }));
  }
}
