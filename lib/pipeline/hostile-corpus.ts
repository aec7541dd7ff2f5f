import { STRATEGIES, TS_MIN, type DeadLetterReason, type Strategy } from "../contract/records";
import { seededRandom } from "../random";

export { seededRandom };

/**
 * A deterministic corpus of hostile input records (by seed), each with the dead-letter reason the
 * contract gives it: for robustness tests of every worker. Pure: no I/O, no clock, no Math.random.
 */
export interface HostileRecord {
  /** Which kind of hostility, e.g. "deep-nesting". */
  kind: string;
  /** The record goes to `<strategy>_input`. */
  strategy: Strategy;
  key: string | null;
  value: Buffer;
  /** The reason the strategy transform dead-letters it with; null when the transform accepts it. */
  strategyReason: DeadLetterReason | null;
  /** The reason the join dead-letters it with (it reads D_input, and C_output); null when it never sees or rejects it. */
  joinReason: DeadLetterReason | null;
}

export interface HostileCorpusOptions {
  seed: number;
  count: number;
  /** Event times are taken relative to this (far past and future ones are years away from it). */
  now: number;
  /** Bytes of the huge records (default 300 KiB + up to 100 KiB). */
  hugeBytes?: number;
}

interface Ctx {
  s: Strategy;
  other: Strategy;
  ts: number;
  now: number;
  int: (min: number, max: number) => number;
  hugeBytes: number;
}

type Body = string | Buffer;
interface Kind {
  kind: string;
  reason: DeadLetterReason;
  /** Only some strategies make sense (the null key matters to the join only). */
  only?: Strategy[];
  nullKey?: boolean;
  body: (c: Ctx) => Body;
}

const j = JSON.stringify;
const rec = (c: Ctx, over: Record<string, unknown> = {}) => j({ strategy: c.s, value: c.int(1, 100), ts: c.ts, ...over });

const KINDS: Kind[] = [
  { kind: "invalid-utf8-bytes", reason: "not_utf8", body: (c) => Buffer.from([0xff, 0xfe, c.int(0x80, 0xbf), 0x7b, 0xc3]) },
  { kind: "utf8-overlong", reason: "not_utf8", body: () => Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x7d]) },
  {
    kind: "utf8-lone-surrogate",
    reason: "not_utf8",
    body: (c) => Buffer.concat([Buffer.from(`{"strategy":"${c.s}","x":"`), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
  },
  { kind: "utf8-truncated", reason: "not_utf8", body: (c) => Buffer.concat([Buffer.from(rec(c).slice(0, -1)), Buffer.from([0xe2, 0x82])]) },
  { kind: "empty", reason: "not_json", body: () => "" },
  { kind: "plain-text", reason: "not_json", body: (c) => `hello ${c.int(0, 1e6)} not json` },
  { kind: "truncated-json", reason: "not_json", body: (c) => rec(c).slice(0, c.int(1, 20)) },
  { kind: "trailing-garbage", reason: "not_json", body: (c) => `${rec(c)} trailing` },
  { kind: "single-quotes", reason: "not_json", body: (c) => `{'strategy':'${c.s}','value':1,'ts':${c.ts}}` },
  { kind: "nan-literal", reason: "not_json", body: (c) => `{"strategy":"${c.s}","value":NaN,"ts":${c.ts}}` },
  { kind: "infinity-literal", reason: "not_json", body: (c) => `{"strategy":"${c.s}","value":Infinity,"ts":${c.ts}}` },
  { kind: "array", reason: "not_object", body: (c) => `[${rec(c)}]` },
  { kind: "string", reason: "not_object", body: (c) => j(rec(c)) },
  { kind: "number", reason: "not_object", body: (c) => String(c.int(-1e6, 1e6)) },
  { kind: "null", reason: "not_object", body: () => "null" },
  { kind: "boolean", reason: "not_object", body: () => "true" },
  { kind: "deep-nesting", reason: "invalid_field", body: (c) => `${'{"a":'.repeat(10_000)}${c.int(0, 9)}${"}".repeat(10_000)}` },
  { kind: "deep-array-nesting", reason: "not_object", body: () => `${"[".repeat(10_000)}${"]".repeat(10_000)}` },
  {
    kind: "deep-nested-value",
    reason: "invalid_field",
    body: (c) => `{"strategy":"${c.s}","ts":${c.ts},"value":${'{"v":'.repeat(9_000)}1${"}".repeat(9_000)}}`,
  },
  { kind: "huge-record", reason: "too_large", body: (c) => rec(c, { pad: "x".repeat(c.hugeBytes + c.int(0, 100 * 1024)) }) },
  { kind: "huge-not-json", reason: "too_large", body: (c) => Buffer.alloc(c.hugeBytes + c.int(0, 1024), 0xff) },
  { kind: "proto-hides-fields", reason: "invalid_field", body: (c) => `{"__proto__":{"strategy":"${c.s}","value":5,"ts":${c.ts}}}` },
  { kind: "proto-hides-value", reason: "invalid_field", body: (c) => `{"strategy":"${c.s}","ts":${c.ts},"__proto__":{"value":5,"polluted":true}}` },
  {
    kind: "constructor-prototype",
    reason: "invalid_field",
    body: (c) => `{"strategy":"${c.s}","ts":${c.ts},"constructor":{"prototype":{"value":7,"polluted":true}}}`,
  },
  { kind: "prototype-key", reason: "invalid_field", body: (c) => `{"prototype":{"value":3},"strategy":"${c.s}","value":"3","ts":${c.ts}}` },
  { kind: "value-1e400", reason: "invalid_field", body: (c) => `{"strategy":"${c.s}","value":1e400,"ts":${c.ts}}` },
  { kind: "value-minus-1e400", reason: "invalid_field", body: (c) => `{"strategy":"${c.s}","value":-1e400,"ts":${c.ts}}` },
  { kind: "value-over-max", reason: "out_of_range", body: (c) => rec(c, { value: 10_001 + c.int(0, 1e6) }) },
  { kind: "value-under-min", reason: "out_of_range", body: (c) => rec(c, { value: -10_001 - c.int(0, 1e6) }) },
  { kind: "value-beyond-safe-int", reason: "out_of_range", body: (c) => `{"strategy":"${c.s}","value":9007199254740993,"ts":${c.ts}}` },
  { kind: "value-fraction", reason: "invalid_field", body: (c) => rec(c, { value: c.int(1, 99) + 0.5 }) },
  { kind: "value-string", reason: "invalid_field", body: (c) => rec(c, { value: String(c.int(1, 100)) }) },
  { kind: "value-boolean", reason: "invalid_field", body: (c) => rec(c, { value: true }) },
  { kind: "value-null", reason: "invalid_field", body: (c) => rec(c, { value: null }) },
  { kind: "value-array", reason: "invalid_field", body: (c) => rec(c, { value: [c.int(1, 100)] }) },
  { kind: "missing-value", reason: "invalid_field", body: (c) => j({ strategy: c.s, ts: c.ts }) },
  { kind: "missing-ts", reason: "invalid_field", body: (c) => j({ strategy: c.s, value: c.int(1, 100) }) },
  { kind: "missing-strategy", reason: "invalid_field", body: (c) => j({ value: c.int(1, 100), ts: c.ts }) },
  { kind: "empty-object", reason: "invalid_field", body: () => "{}" },
  { kind: "strategy-unknown", reason: "invalid_field", body: (c) => rec(c, { strategy: "E" }) },
  { kind: "strategy-lowercase", reason: "invalid_field", body: (c) => rec(c, { strategy: c.s.toLowerCase() }) },
  { kind: "strategy-number", reason: "invalid_field", body: (c) => rec(c, { strategy: 1 }) },
  { kind: "wrong-strategy", reason: "wrong_strategy", body: (c) => rec(c, { strategy: c.other }) },
  { kind: "ts-string", reason: "invalid_field", body: (c) => rec(c, { ts: new Date(c.ts).toISOString() }) },
  { kind: "ts-fraction", reason: "invalid_field", body: (c) => rec(c, { ts: c.ts + 0.25 }) },
  { kind: "ts-1e400", reason: "invalid_field", body: (c) => `{"strategy":"${c.s}","value":5,"ts":1e400}` },
  { kind: "ts-far-past", reason: "out_of_range", body: (c) => rec(c, { ts: c.int(0, TS_MIN - 1) }) },
  { kind: "ts-negative", reason: "out_of_range", body: (c) => rec(c, { ts: -c.int(1, 1e12) }) },
  { kind: "ts-far-future", reason: "out_of_range", body: (c) => rec(c, { ts: c.now + 10 * 365 * 86_400_000 + c.int(0, 1e9) }) },
  { kind: "null-key", reason: "missing_key", only: ["C", "D"], nullKey: true, body: (c) => rec(c) },
];

export const HOSTILE_KINDS: readonly string[] = KINDS.map((k) => k.kind);

/** `count` hostile records; every kind appears (in turn), the details vary with the seed. */
export function hostileCorpus({ seed, count, now, hugeBytes = 300 * 1024 }: HostileCorpusOptions): HostileRecord[] {
  const rnd = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const out: HostileRecord[] = [];
  for (let i = 0; i < count; i++) {
    const k = KINDS[i % KINDS.length]!;
    const choices = k.only ?? STRATEGIES;
    const s = choices[int(0, choices.length - 1)]!;
    const others = STRATEGIES.filter((x) => x !== s);
    const ctx: Ctx = { s, other: others[int(0, others.length - 1)]!, ts: now - int(1_000, 60_000), now, int, hugeBytes };
    const body = k.body(ctx);
    const strategyReason = k.nullKey ? null : k.reason;
    // The join reads D_input itself (so it rejects a bad D record too) and C_output (only valid C records reach it).
    const joinReason = s === "D" || k.nullKey ? k.reason : null;
    out.push({
      kind: k.kind,
      strategy: s,
      key: k.nullKey ? null : `bad-${seed}-${i}`,
      value: Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"),
      strategyReason,
      joinReason,
    });
  }
  return out;
}
