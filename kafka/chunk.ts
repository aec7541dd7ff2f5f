import type { OutgoingRecord } from "@/lib/contract/records";

/** Well under the broker's default 1 MB `message.max.bytes`, which applies to each partition's batch of a request. */
export const MAX_REQUEST_BYTES = 512 * 1024;
const RECORD_OVERHEAD = 64;

const sizeOf = (r: OutgoingRecord) =>
  RECORD_OVERHEAD + (typeof r.value === "string" ? Buffer.byteLength(r.value) : r.value.length) + (r.key ? Buffer.byteLength(r.key) : 0);

/**
 * Split records into sends of at most `maxBytes` each (one record larger than that goes alone),
 * keeping their order, so that no produce request is refused as too large.
 */
export function chunkBySize(records: OutgoingRecord[], maxBytes = MAX_REQUEST_BYTES): OutgoingRecord[][] {
  const chunks: OutgoingRecord[][] = [];
  let current: OutgoingRecord[] = [];
  let bytes = 0;
  for (const r of records) {
    const size = sizeOf(r);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
