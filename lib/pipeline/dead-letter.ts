import { DEAD_LETTER_TOPIC, TS_MIN, type DeadLetterReason, type DeadLetterValue, type LabRecord, type OutgoingRecord } from "../contract/records";

export const DEFAULT_DEAD_LETTER_PAYLOAD_BYTES = 16384;
/** Copies of the key and the error inside the dead letter's value are cut to this many characters. */
export const DEAD_LETTER_TEXT_LIMIT = 1024;
const TIMESTAMP_FUTURE_SKEW_MS = 3_600_000;

// ignoreBOM keeps a leading BOM in the payload: the dead letter should show the original bytes.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

interface Payload {
  payload: string | null;
  payloadEncoding: "utf8" | "base64";
  payloadTruncated: boolean;
  payloadBytes: number;
}

function isUtf8(buf: Buffer): boolean {
  try {
    utf8.decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** Where to cut at most `max` bytes of valid UTF-8 without splitting a character. */
function utf8Cut(buf: Buffer, max: number): number {
  let cut = max;
  while (cut > 0 && ((buf[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return cut;
}

function encodePayload(value: Buffer | null, maxBytes: number): Payload {
  if (value === null) return { payload: null, payloadEncoding: "utf8", payloadTruncated: false, payloadBytes: 0 };
  const limit = Math.max(0, Math.floor(maxBytes));
  const truncated = value.length > limit;
  if (isUtf8(value)) {
    const kept = truncated ? value.subarray(0, utf8Cut(value, limit)) : value;
    return { payload: kept.toString("utf8"), payloadEncoding: "utf8", payloadTruncated: truncated, payloadBytes: value.length };
  }
  const kept = truncated ? value.subarray(0, limit) : value;
  return { payload: kept.toString("base64"), payloadEncoding: "base64", payloadTruncated: truncated, payloadBytes: value.length };
}

const clip = (s: string): string => (s.length > DEAD_LETTER_TEXT_LIMIT ? `${s.slice(0, DEAD_LETTER_TEXT_LIMIT - 3)}...` : s);

function saneTimestamp(ts: number, now: number): boolean {
  return Number.isSafeInteger(ts) && ts >= TS_MIN && ts <= now + TIMESTAMP_FUTURE_SKEW_MS;
}

/**
 * The record to write to `dead_letters` for `rec`. At most `maxPayloadBytes` of the original
 * value are kept, so the value stays under about 6 × maxPayloadBytes + 3 KiB even in the
 * worst case (every kept byte a control character that JSON escapes as \u00XX).
 */
export function deadLetterFor(
  rec: LabRecord,
  reason: DeadLetterReason,
  error: string,
  worker: string,
  maxPayloadBytes: number = DEFAULT_DEAD_LETTER_PAYLOAD_BYTES,
  now: number = Date.now(),
): OutgoingRecord {
  const value: DeadLetterValue = {
    topic: clip(rec.topic),
    partition: rec.partition,
    offset: rec.offset,
    key: rec.key === null ? null : clip(rec.key),
    reason,
    error: clip(error),
    ...encodePayload(rec.value, maxPayloadBytes),
    worker: clip(worker),
  };
  return {
    topic: DEAD_LETTER_TOPIC,
    key: rec.key,
    value: JSON.stringify(value),
    timestamp: saneTimestamp(rec.timestamp, now) ? rec.timestamp : now,
  };
}
