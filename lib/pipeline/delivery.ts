import type { DeliveryMode } from "@/lib/contract/api";
import { SOURCE_HEADER } from "@/lib/contract/records";
import { compareOffsets } from "./offsets";

/**
 * How often the transform commits its input offsets (at-least-once) or writes its outputs
 * (at-most-once) when it does not run exactly-once. On purpose wide: a kill lands between a write and
 * its commit often enough to see the duplicates or losses that each mode allows.
 */
export const NON_EOS_INTERVAL_MS = 5000;

export const isExactlyOnce = (mode: DeliveryMode) => mode === "exactly-once";

/** The `lab-source` header of an output: which input record (partition and offset) it came from. */
export const sourceHeaders = (partition: number, offset: string): Record<string, string> => ({ [SOURCE_HEADER]: `${partition}:${offset}` });

/** The input partition and offset an output came from, or null for a record without the header. */
export function sourceOf(headers: Record<string, string> | undefined): { partition: number; offset: number } | null {
  const m = /^(\d+):(\d+)$/.exec(headers?.[SOURCE_HEADER] ?? "");
  return m ? { partition: Number(m[1]), offset: Number(m[2]) } : null;
}

export interface LedgerOffset {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Offsets waiting to be committed, the furthest per partition: the at-least-once transform notes
 * each batch's next offset once its outputs are acknowledged and commits them all every interval.
 */
export class OffsetLedger {
  private readonly pending = new Map<string, LedgerOffset>();

  note(o: LedgerOffset): void {
    const key = `${o.topic}\u0000${o.partition}`;
    const had = this.pending.get(key);
    if (!had || compareOffsets(o.offset, had.offset) > 0) this.pending.set(key, { ...o });
  }

  get size(): number {
    return this.pending.size;
  }

  /** Everything noted since the last take, and forget it. */
  take(): LedgerOffset[] {
    const out = [...this.pending.values()];
    this.pending.clear();
    return out;
  }

  /** Put back offsets whose commit failed, unless a later one was noted meanwhile. */
  restore(offsets: readonly LedgerOffset[]): void {
    for (const o of offsets) this.note(o);
  }
}
