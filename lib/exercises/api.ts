/**
 * The processor API a learner writes against (docs/exercises.md). The learner's module defines
 *
 * ```ts
 * export function process(record: InputRecord, ctx: ProcessorContext): void { … }
 * export function onWatermark(watermark: number, ctx: ProcessorContext): void { … } // optional
 * ```
 *
 * The runtime (workers/exercise.ts) reads the exercise's input in its committed order, calls `process`
 * for each record, advances the watermark and calls `onWatermark` when it moved, and commits what was
 * emitted, the state's changes and the input offset in one Kafka transaction. Only `ctx.state` survives
 * a restart: variables of the module start again empty in the new process.
 */

/** A JSON value: what `ctx.state` keeps and `ctx.emit` writes. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface InputRecord {
  /** The record's Kafka key (a user, an order id, …). */
  key: string | null;
  /** The record's value, parsed from JSON. */
  value: Json;
  /** Its event time, ms since epoch (the Kafka record timestamp). */
  eventTime: number;
  partition: number;
  /** Its offset in the input topic, as a decimal string. */
  offset: string;
}

/**
 * A key-value store of JSON values, checkpointed with every committed batch (a changelog topic in the
 * same transaction). Keys are strings the processor chooses, e.g. `${user}|${windowStart}`.
 */
export interface StateStore {
  get(key: string): Json | undefined;
  put(key: string, value: Json): void;
  delete(key: string): void;
  /** Every key in the store, sorted, optionally only those starting with `prefix`. */
  keys(prefix?: string): string[];
}

export interface ProcessorContext {
  state: StateStore;
  /** Write an output record; its event time defaults to the current record's (or the watermark's in onWatermark). */
  emit(key: string | null, value: Json, eventTime?: number): void;
  /**
   * Largest event time read so far minus the exercise's watermark delay: no record with an event time
   * at or below it is expected any more (one that comes anyway is late). At the end of the input it
   * jumps to `END_OF_INPUT`, so every window closes.
   */
  readonly watermark: number;
}

/** The watermark at the end of the input: later than any event time. */
export const END_OF_INPUT = 8.64e15;
/** The watermark before any record: earlier than any event time. */
export const BEFORE_INPUT = -8.64e15;

export type ProcessFn = (record: InputRecord, ctx: ProcessorContext) => void;
export type OnWatermarkFn = (watermark: number, ctx: ProcessorContext) => void;

/** What a learner's module exports. */
export interface ProcessorModule {
  process: ProcessFn;
  onWatermark?: OnWatermarkFn;
}

/** Limits on a learner's processor (lib/exercises/sandbox.ts enforces them). */
export const SANDBOX_LIMITS = {
  /**
   * Time of one call of `process` or `onWatermark` (wall clock, as node:vm measures it: generous, so that
   * garbage collection on a busy machine does not stop honest code).
   */
  callMs: 1000,
  /** Time of all calls for one batch. */
  batchMs: 5000,
  /** Bytes of one emitted record (key and value as JSON). */
  emitBytes: 64 * 1024,
  /** Bytes of all records emitted for one batch. */
  batchEmitBytes: 1024 * 1024,
  /** Bytes of one state value as JSON. */
  stateValueBytes: 64 * 1024,
  /** Records read per transaction, so a run has several commits (and a kill lands between them). */
  recordsPerStep: 40,
  /** Heap of the learner's worker process (--max-old-space-size). */
  heapMb: 256,
} as const;
