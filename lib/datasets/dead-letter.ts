import type { RowProblem } from "../contract/datasets";
import { DEAD_LETTER_TOPIC, type DeadLetterValue, type OutgoingRecord } from "../contract/records";
import { DEAD_LETTER_TEXT_LIMIT } from "../pipeline/dead-letter";

/** Bytes of the line a dead letter keeps (a line is at most 64 K characters anyway). */
const KEPT_LINE_CHARS = 16384;

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

/**
 * The record to write to `dead_letters` for a row a replay could not send: the same value as a
 * worker's dead letter, with the row's line number, the line itself as payload, and partition and
 * offset −1 since the row never reached Kafka.
 */
export function rowDeadLetter(
  problem: RowProblem,
  lineText: string,
  topic: string,
  deadLetterTopic: string = DEAD_LETTER_TOPIC,
  worker = "dataset-replay",
  now = Date.now(),
): OutgoingRecord {
  const kept = clip(lineText, KEPT_LINE_CHARS);
  const value: DeadLetterValue = {
    topic,
    partition: -1,
    offset: "-1",
    key: null,
    reason: problem.reason,
    error: clip(problem.error, DEAD_LETTER_TEXT_LIMIT),
    payload: kept,
    payloadEncoding: "utf8",
    payloadTruncated: kept.length < lineText.length,
    payloadBytes: Buffer.byteLength(lineText),
    worker,
    line: problem.line,
  };
  return { topic: deadLetterTopic, key: null, value: JSON.stringify(value), timestamp: now };
}
