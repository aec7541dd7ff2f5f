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
    const res: AggBatchResult = { outputs: [], deadLetters: 0, commitOffset: batch.nextOffset, commitMetadata: "", completedEventTimes: [] };
    const next = held.table.nextOffset(batch.partition);
    const inputs: AggInput[] = [];
    for (const rec of batch.records) {
      if (next !== null && compareOffsets(rec.offset, next) < 0) continue; // already in the state
      const valid = validateOutputRecord(rec, now);
      if (!valid.ok) {
        const letter = deadLetterFor({ ...rec, topic: this.names.base(rec.topic) }, valid.reason, valid.error, this.worker);
        res.outputs.push({ ...letter, topic: this.names.name(letter.topic) });
        res.deadLetters++;
        continue;
      }
      inputs.push({ offset: rec.offset, ts: valid.value.ts, result: valid.value.result });
      res.completedEventTimes.push(valid.value.ts);
    }
    for (const row of held.table.processBatch(batch.partition, inputs, batch.nextOffset, batch.highWatermark)) {
      res.outputs.push({ topic: this.names.name(AGGREGATES_TOPIC), key: held.strategy, value: JSON.stringify(row), timestamp: row.windowStart });
    }
    held.seq++;
    res.commitOffset = held.table.nextOffset(batch.partition) ?? batch.nextOffset;
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
