import type { LabBatch } from "@/kafka/types";
import type { InputRecordView, OutputRecordView } from "@/lib/contract/exercises";
import type { LabRecord, OutgoingRecord } from "@/lib/contract/records";
import { BEFORE_INPUT, END_OF_INPUT, SANDBOX_LIMITS } from "./api";
import type { Sandbox } from "./sandbox";

/** Header on every output: the input offset being processed when it was emitted. */
export const SOURCE_OFFSET_HEADER = "lab-source";
/** Header on every output: its event time as emitted (the Kafka timestamp is clamped to a valid one). */
export const EVENT_TIME_HEADER = "lab-event-time";

export interface ExerciseTopics {
  input: string;
  output: string;
  /** The state's changelog: one record per changed key (an empty value: deleted), written with the outputs. */
  changelog: string;
}

/** What is committed beside the input offset: where the watermark was, and whether the input's end was reached. */
interface Checkpoint {
  maxEventTime: number;
  watermark: number;
  ended: boolean;
}

export interface StepOutcome {
  outputs: OutgoingRecord[];
  commitOffset: string;
  commitMetadata: string;
  resumeAt: string | null;
  /** The learner's console.log lines. */
  logs: string[];
  /** True once the last input record was processed and every window was closed (the end-of-input watermark). */
  ended: boolean;
}

const timestampOf = (t: number) => (Number.isSafeInteger(t) && t >= 0 && t < 1e14 ? t : 0);

/**
 * The runtime around a learner's processor, for one input partition read in its committed order: it
 * calls `process` per record, moves the watermark (largest event time − delay) and calls `onWatermark`
 * when it moved, and at the input's last record moves it to the end so every window closes. A step
 * gives the outputs and the state's changelog to write, with the offset and checkpoint to commit, all
 * in one transaction (workers/runtime/stream-loop.ts): after a crash, `restore` puts the state back
 * from the changelog, and the outputs are exactly those of a run without the crash.
 */
export class ExerciseProcessor {
  private checkpoint: Checkpoint = { maxEventTime: BEFORE_INPUT, watermark: BEFORE_INPUT, ended: false };
  private restored = false;

  constructor(
    private readonly sandbox: Sandbox,
    private readonly topics: ExerciseTopics,
    private readonly opts: { watermarkDelayMs: number; inputCount: number; recordsPerStep?: number },
  ) {}

  needsRestore(): boolean {
    return !this.restored;
  }

  /** Put back the committed state: the changelog's records in order, and the checkpoint committed with the offset. */
  restore(changelog: LabRecord[], metadata: string | null): void {
    const last = new Map<string, string>();
    for (const r of changelog) {
      if (r.key === null) continue;
      const text = r.value?.toString("utf8") ?? "";
      if (text === "") last.delete(r.key);
      else last.set(r.key, text);
    }
    if (metadata) this.checkpoint = JSON.parse(metadata) as Checkpoint;
    this.sandbox.restore([...last], this.checkpoint.watermark);
    this.restored = true;
  }

  step(batch: LabBatch): StepOutcome {
    const limit = this.opts.recordsPerStep ?? SANDBOX_LIMITS.recordsPerStep;
    const records = batch.records.slice(0, limit);
    const lastInput = String(this.opts.inputCount - 1);
    const emitted: { offset: string; emits: OutputRecordView[] }[] = [];
    for (const r of records) {
      const input = toInputView(r);
      this.sandbox.process(input, this.checkpoint.watermark);
      this.checkpoint.maxEventTime = Math.max(this.checkpoint.maxEventTime, input.eventTime);
      const next = r.offset === lastInput ? END_OF_INPUT : this.checkpoint.maxEventTime - this.opts.watermarkDelayMs;
      if (next > this.checkpoint.watermark) {
        this.checkpoint.watermark = next;
        this.sandbox.advance(next, Math.min(next, this.checkpoint.maxEventTime));
      }
      if (r.offset === lastInput) this.checkpoint.ended = true;
      // Taken per record, so each output names the input it was emitted for.
      emitted.push({ offset: r.offset, emits: this.sandbox.takeEmits() });
    }
    const changes = this.sandbox.endBatch();
    const outputs: OutgoingRecord[] = emitted.flatMap(({ offset, emits }) =>
      emits.map((e) => ({
        topic: this.topics.output,
        key: e.key,
        value: JSON.stringify(e.value),
        timestamp: timestampOf(e.eventTime),
        headers: { [SOURCE_OFFSET_HEADER]: offset, [EVENT_TIME_HEADER]: String(e.eventTime) },
      })),
    );
    for (const [key, value] of changes.changes) outputs.push({ topic: this.topics.changelog, key, value: value ?? "", timestamp: 0 });
    const nextOffset = records.length > 0 ? String(Number(records[records.length - 1]!.offset) + 1) : batch.nextOffset;
    return {
      outputs,
      commitOffset: nextOffset,
      commitMetadata: JSON.stringify(this.checkpoint),
      resumeAt: records.length < batch.records.length ? nextOffset : null,
      logs: changes.logs,
      ended: this.checkpoint.ended,
    };
  }
}

/** A Kafka record as the learner's `process` gets it: the value parsed from JSON, the timestamp as event time. */
export function toInputView(r: LabRecord): InputRecordView {
  const text = r.value?.toString("utf8") ?? "null";
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = text;
  }
  return { key: r.key, value, eventTime: r.timestamp, partition: r.partition, offset: r.offset };
}

/** An output record read back from the output topic, as the grader compares it. */
export function toOutputView(r: LabRecord): { key: string | null; value: unknown; eventTime: number; source: string | null } {
  const t = Number(r.headers?.[EVENT_TIME_HEADER] ?? r.timestamp);
  return { key: r.key, value: JSON.parse(r.value?.toString("utf8") ?? "null") as unknown, eventTime: t, source: r.headers?.[SOURCE_OFFSET_HEADER] ?? null };
}
