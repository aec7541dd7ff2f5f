import type { ReaderView } from "@/lib/contract/log";
import { DEFAULT_KEY_PARTITIONS } from "@/lib/lessons/kafka-basics";

/** Marks the records of the held-transaction experiment, so the readers can count them apart. */
export const HELD_MARK = "held-transaction";

/** The held transaction's records: two per partition of a 3-partition output topic (keys from the default partitioner's map). */
export function heldRecords(at: number): { key: string; value: string }[] {
  return DEFAULT_KEY_PARTITIONS.flatMap((keys) => [keys[0]!, keys[0]!]).map((key, n) => ({ key, value: JSON.stringify({ demo: HELD_MARK, n, at }) }));
}

export const isHeldRecord = (value: string | null) => value !== null && value.includes(`"demo":"${HELD_MARK}"`);

/** A reader's tally after these records: all, the experiment's, and the last offset read. */
export function tallyRead(r: ReaderView, records: readonly { offset: string; value: string | null }[]): ReaderView {
  if (records.length === 0) return r;
  return {
    ...r,
    records: r.records + records.length,
    demoRecords: r.demoRecords + records.filter((x) => isHeldRecord(x.value)).length,
    lastOffset: records[records.length - 1]!.offset,
  };
}
