import {
  STRATEGIES,
  TS_MIN,
  VALUE_MAX,
  VALUE_MIN,
  type DeadLetterReason,
  type InputValue,
  type LabRecord,
  type OutputValue,
  type Strategy,
} from "../contract/records";
import { strategyResult } from "./transform";

export interface ValidationLimits {
  /** Largest record value accepted, in bytes. */
  maxBytes: number;
  /** How far past `now` an event time may lie. */
  maxFutureSkewMs: number;
}

export const DEFAULT_LIMITS: ValidationLimits = { maxBytes: 64 * 1024, maxFutureSkewMs: 3_600_000 };

export type Validated<T> = { ok: true; value: T } | { ok: false; reason: DeadLetterReason; error: string };

/** The range of `result` the strategy transform can produce from a valid `value`. */
export const RESULT_MIN = strategyResult(VALUE_MIN);
export const RESULT_MAX = strategyResult(VALUE_MAX);

type Json = Record<string, unknown>;

const utf8 = new TextDecoder("utf-8", { fatal: true });

const fail = (reason: DeadLetterReason, error: string): { ok: false; reason: DeadLetterReason; error: string } => ({
  ok: false,
  reason,
  error,
});

/** A short, safe rendering of whatever a field held, for error sentences. */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing (missing)";
  let s: string;
  try {
    s = typeof v === "number" ? String(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = Object.prototype.toString.call(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

// Own properties only: a missing field must never be read from a (possibly polluted) prototype.
const field = (o: Json, name: string): unknown => (Object.hasOwn(o, name) ? o[name] : undefined);

function parseObject(rec: LabRecord, limits: ValidationLimits): Validated<Json> {
  const buf = rec.value;
  if (buf === null || buf.length === 0) return fail("not_json", "value is empty (no bytes to parse as JSON)");
  if (buf.length > limits.maxBytes) {
    return fail("too_large", `value is ${buf.length} bytes, over the limit of ${limits.maxBytes} bytes`);
  }
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    return fail("not_utf8", "value is not valid UTF-8 text");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message.slice(0, 120) : "parse error";
    return fail("not_json", `value is not valid JSON (${detail})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    const what = parsed === null ? "null" : Array.isArray(parsed) ? "an array" : `a ${typeof parsed}`;
    return fail("not_object", `value must be a JSON object, got ${what}`);
  }
  return { ok: true, value: parsed as Json };
}

function checkInt(
  o: Json,
  name: string,
  min: number,
  max: number,
  rangeText: string,
): { ok: true; value: number } | { ok: false; reason: DeadLetterReason; error: string } {
  const v = field(o, name);
  const sentence = `${name} must be an integer ${rangeText}, got ${describeValue(v)}`;
  // Number.isInteger is false for Infinity, which is what 1e400 parses to.
  if (typeof v !== "number" || !Number.isInteger(v)) return fail("invalid_field", sentence);
  if (v < min || v > max) return fail("out_of_range", sentence);
  return { ok: true, value: v + 0 };
}

function checkTs(o: Json, now: number, limits: ValidationLimits) {
  const max = now + limits.maxFutureSkewMs;
  return checkInt(o, "ts", TS_MIN, max, `from ${TS_MIN} (2000-01-01) to ${max} (now + ${limits.maxFutureSkewMs} ms)`);
}

function checkStrategy(o: Json, expected: Strategy): Validated<Strategy> {
  const s = field(o, "strategy");
  if (typeof s !== "string" || !(STRATEGIES as readonly string[]).includes(s)) {
    return fail("invalid_field", `strategy must be one of "A", "B", "C", "D", got ${describeValue(s)}`);
  }
  if (s !== expected) {
    return fail("wrong_strategy", `strategy must be "${expected}" on this topic, got "${s}"`);
  }
  return { ok: true, value: s };
}

/** Validates a producer record read from `<expected>_input`. Never throws. */
export function validateInputRecord(rec: LabRecord, expected: Strategy, now: number, limits: ValidationLimits = DEFAULT_LIMITS): Validated<InputValue> {
  try {
    const obj = parseObject(rec, limits);
    if (!obj.ok) return obj;
    const strategy = checkStrategy(obj.value, expected);
    if (!strategy.ok) return strategy;
    const value = checkInt(obj.value, "value", VALUE_MIN, VALUE_MAX, `from ${VALUE_MIN} to ${VALUE_MAX}`);
    if (!value.ok) return value;
    const ts = checkTs(obj.value, now, limits);
    if (!ts.ok) return ts;
    return { ok: true, value: { strategy: strategy.value, value: value.value, ts: ts.value } };
  } catch (e) {
    return unexpected(e);
  }
}

/** Validates a transform output read from `C_output` by the join. Never throws. */
export function validateOutputRecord(rec: LabRecord, now: number, limits: ValidationLimits = DEFAULT_LIMITS): Validated<OutputValue> {
  try {
    const obj = parseObject(rec, limits);
    if (!obj.ok) return obj;
    const result = checkInt(obj.value, "result", RESULT_MIN, RESULT_MAX, `from ${RESULT_MIN} to ${RESULT_MAX}`);
    if (!result.ok) return result;
    const ts = checkTs(obj.value, now, limits);
    if (!ts.ok) return ts;
    return { ok: true, value: { result: result.value, ts: ts.value } };
  } catch (e) {
    return unexpected(e);
  }
}

// Belt and braces: the checks above are not expected to throw, but a worker must never crash on input.
function unexpected(e: unknown): { ok: false; reason: DeadLetterReason; error: string } {
  return fail("invalid_field", `value could not be validated (${e instanceof Error ? e.message : String(e)})`);
}
