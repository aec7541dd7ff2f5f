import { describe, expect, it } from "vitest";
import type { LabRecord } from "../contract/records";
import { DEFAULT_LIMITS, validateInputRecord, validateOutputRecord } from "./validate";

const NOW = 1_763_800_000_000;

const rec = (value: Buffer | string | null, topic = "A_input"): LabRecord => ({
  topic,
  partition: 0,
  offset: "0",
  key: "user-1",
  value: typeof value === "string" ? Buffer.from(value, "utf8") : value,
  timestamp: NOW,
});
const json = (v: unknown) => rec(JSON.stringify(v));
const good = { strategy: "A", value: 42, ts: NOW - 5 };

const input = (r: LabRecord, limits = DEFAULT_LIMITS) => validateInputRecord(r, "A", NOW, limits);
const reasonOf = (r: LabRecord) => {
  const v = input(r);
  return v.ok ? "ok" : v.reason;
};

describe("validateInputRecord", () => {
  it("accepts a well-formed record and returns exactly the three fields", () => {
    expect(input(json(good))).toEqual({ ok: true, value: good });
  });

  it("ignores unknown extra fields", () => {
    expect(input(json({ ...good, extra: { deep: [1, 2] }, note: "hi" }))).toEqual({ ok: true, value: good });
  });

  it("dead-letters a null or empty value as not_json", () => {
    expect(reasonOf(rec(null))).toBe("not_json");
    expect(reasonOf(rec(""))).toBe("not_json");
  });

  it("rejects an oversized value as too_large before decoding it", () => {
    // Invalid UTF-8 and over the limit: size must win, proving it is checked first.
    const big = Buffer.alloc(DEFAULT_LIMITS.maxBytes + 1, 0xff);
    const v = input(rec(big));
    expect(v).toMatchObject({ ok: false, reason: "too_large" });
    expect(input(rec(JSON.stringify(good)), { ...DEFAULT_LIMITS, maxBytes: 10 })).toMatchObject({ reason: "too_large" });
  });

  it("accepts a value of exactly maxBytes", () => {
    const base = JSON.stringify(good);
    const padded = base.slice(0, -1) + `,"pad":"${"x".repeat(100)}"}`;
    expect(input(rec(padded), { ...DEFAULT_LIMITS, maxBytes: Buffer.byteLength(padded) }).ok).toBe(true);
  });

  it("rejects bytes that are not valid UTF-8 as not_utf8", () => {
    expect(reasonOf(rec(Buffer.from([0x7b, 0xc3, 0x28, 0x7d])))).toBe("not_utf8");
    expect(reasonOf(rec(Buffer.from([0xed, 0xa0, 0x80])))).toBe("not_utf8"); // lone surrogate
  });

  it("rejects text that is not JSON as not_json", () => {
    for (const t of ["{", "hello", "{'strategy':'A'}", "{} {}", "NaN"]) expect(reasonOf(rec(t))).toBe("not_json");
  });

  it("rejects JSON that is not a plain object as not_object", () => {
    for (const t of ["[]", "[1,2]", "null", "42", '"str"', "true"]) expect(reasonOf(rec(t))).toBe("not_object");
  });

  it("rejects a missing or mistyped strategy as invalid_field", () => {
    for (const s of [undefined, "a", "E", 1, null, ["A"], { A: 1 }]) {
      expect(reasonOf(json({ ...good, strategy: s }))).toBe("invalid_field");
    }
  });

  it("rejects a valid strategy that disagrees with the topic as wrong_strategy", () => {
    const v = input(json({ ...good, strategy: "B" }));
    expect(v).toMatchObject({ ok: false, reason: "wrong_strategy" });
    expect(!v.ok && v.error).toMatch(/strategy.*"A".*"B"/);
  });

  it("rejects a non-integer value as invalid_field", () => {
    for (const x of [1.5, "42", null, true, [], {}]) expect(reasonOf(json({ ...good, value: x }))).toBe("invalid_field");
    expect(reasonOf(json({ strategy: "A", ts: NOW }))).toBe("invalid_field");
  });

  it("treats a number too big for a double (1e400 parses to Infinity) as invalid_field", () => {
    expect(reasonOf(rec(`{"strategy":"A","value":1e400,"ts":${NOW}}`))).toBe("invalid_field");
    expect(reasonOf(rec(`{"strategy":"A","value":-1e400,"ts":${NOW}}`))).toBe("invalid_field");
  });

  it("accepts value at both ends of -10000…10000 and rejects one beyond as out_of_range", () => {
    expect(reasonOf(json({ ...good, value: 10000 }))).toBe("ok");
    expect(reasonOf(json({ ...good, value: -10000 }))).toBe("ok");
    expect(reasonOf(json({ ...good, value: 10001 }))).toBe("out_of_range");
    expect(reasonOf(json({ ...good, value: -10001 }))).toBe("out_of_range");
    expect(reasonOf(rec(`{"strategy":"A","value":1e20,"ts":${NOW}}`))).toBe("out_of_range");
  });

  it("accepts 1.0 as the integer 1 (JSON has no separate integer type)", () => {
    expect(input(rec(`{"strategy":"A","value":1.0,"ts":${NOW}}`))).toMatchObject({ ok: true, value: { value: 1 } });
  });

  it("writes a readable error naming the field, the rule and what it got", () => {
    const v = input(json({ ...good, value: 10001 }));
    expect(!v.ok && v.error).toBe("value must be an integer from -10000 to 10000, got 10001");
    const m = input(json({ strategy: "A", value: 1 }));
    expect(!m.ok && m.error).toMatch(/^ts must be an integer .*got nothing \(missing\)$/);
  });

  it("rejects a non-integer ts as invalid_field", () => {
    for (const t of [NOW + 0.5, String(NOW), null]) expect(reasonOf(json({ ...good, ts: t }))).toBe("invalid_field");
  });

  it("bounds ts to 2000-01-01 … now + skew, both ends inclusive", () => {
    const at = (ts: number) => reasonOf(json({ ...good, ts }));
    expect(at(946684800000)).toBe("ok");
    expect(at(946684799999)).toBe("out_of_range");
    expect(at(NOW + 3_600_000)).toBe("ok");
    expect(at(NOW + 3_600_001)).toBe("out_of_range");
    expect(at(0)).toBe("out_of_range");
  });

  it("honours a configured future skew", () => {
    const r = json({ ...good, ts: NOW + 10 });
    expect(validateInputRecord(r, "A", NOW, { ...DEFAULT_LIMITS, maxFutureSkewMs: 9 }).ok).toBe(false);
    expect(validateInputRecord(r, "A", NOW, { ...DEFAULT_LIMITS, maxFutureSkewMs: 10 }).ok).toBe(true);
  });

  it("is not fooled by __proto__ or constructor keys", () => {
    const t = `{"__proto__":{"strategy":"A","value":1,"ts":${NOW}},"constructor":{"prototype":{"x":1}}}`;
    expect(reasonOf(rec(t))).toBe("invalid_field");
    const ok = `{"__proto__":{"polluted":true},"strategy":"A","value":1,"ts":${NOW}}`;
    expect(input(rec(ok))).toEqual({ ok: true, value: { strategy: "A", value: 1, ts: NOW } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("does not read missing fields from a polluted Object.prototype", () => {
    const proto = Object.prototype as Record<string, unknown>;
    // ("value" itself cannot be polluted safely: property descriptors read it.)
    proto.strategy = "A";
    try {
      expect(reasonOf(json({ value: 1, ts: NOW }))).toBe("invalid_field");
    } finally {
      delete proto.strategy;
    }
  });

  it("survives deeply nested JSON without throwing", () => {
    const depth = 20000;
    const deep = `{"strategy":"A","value":1,"ts":${NOW},"x":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    const limits = { ...DEFAULT_LIMITS, maxBytes: 1 << 20 };
    expect(() => validateInputRecord(rec(deep), "A", NOW, limits)).not.toThrow();
    const unbalanced = "[".repeat(depth);
    expect(validateInputRecord(rec(unbalanced), "A", NOW, limits)).toMatchObject({ ok: false });
  });

  it("never throws on random bytes and always answers with a known reason", () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const alphabet = ["{", "}", '"', ":", ",", "[", "]", "1", "e", "-", ".", "strategy", "value", "ts", "A", " ", "\u00ff"];
    for (let i = 0; i < 3000; i++) {
      const useBytes = rnd() < 0.3;
      const len = Math.floor(rnd() * 40);
      const r = useBytes
        ? rec(Buffer.from(Array.from({ length: len }, () => Math.floor(rnd() * 256))))
        : rec(Array.from({ length: len }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(""));
      const v = input(r);
      if (!v.ok) expect(v.error.length).toBeGreaterThan(0);
    }
  });
});

describe("validateOutputRecord", () => {
  const out = (v: unknown) => validateOutputRecord(json(v), NOW);

  it("accepts {result, ts} and ignores extra fields", () => {
    expect(out({ result: 58, ts: NOW, other: 1 })).toEqual({ ok: true, value: { result: 58, ts: NOW } });
  });

  it("accepts any result the transform can make, from -20000 to 1000000", () => {
    expect(out({ result: -20000, ts: NOW }).ok).toBe(true);
    expect(out({ result: 1_000_000, ts: NOW }).ok).toBe(true);
    expect(out({ result: 1_000_001, ts: NOW })).toMatchObject({ ok: false, reason: "out_of_range" });
  });

  it("rejects a missing or fractional result as invalid_field", () => {
    expect(out({ ts: NOW })).toMatchObject({ ok: false, reason: "invalid_field" });
    expect(out({ result: 1.5, ts: NOW })).toMatchObject({ ok: false, reason: "invalid_field" });
  });

  it("applies the same ts rules as input", () => {
    expect(out({ result: 1, ts: 1 })).toMatchObject({ ok: false, reason: "out_of_range" });
    expect(out({ result: 1, ts: "x" })).toMatchObject({ ok: false, reason: "invalid_field" });
  });

  it("applies the same decoding rules as input", () => {
    expect(validateOutputRecord(rec(null), NOW)).toMatchObject({ ok: false, reason: "not_json" });
    expect(validateOutputRecord(rec("[1]"), NOW)).toMatchObject({ ok: false, reason: "not_object" });
    expect(validateOutputRecord(rec(Buffer.from([0xff])), NOW)).toMatchObject({ ok: false, reason: "not_utf8" });
  });
});
