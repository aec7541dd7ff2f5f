import { describe, expect, it } from "vitest";
import { DeadLetterValue, type LabRecord } from "../contract/records";
import { DEAD_LETTER_TEXT_LIMIT, deadLetterFor } from "./dead-letter";

const NOW = 1_763_800_000_000;
const rec = (value: Buffer | null, extra: Partial<LabRecord> = {}): LabRecord => ({
  topic: "A_input",
  partition: 2,
  offset: "12345678901234567",
  key: "user-3",
  value,
  timestamp: NOW - 1000,
  ...extra,
});
const dl = (r: LabRecord, max?: number) => deadLetterFor(r, "not_json", "value is not valid JSON", "strategy", max, NOW);
const parsed = (r: LabRecord, max?: number) => DeadLetterValue.parse(JSON.parse(String(dl(r, max).value)));

describe("deadLetterFor", () => {
  it("writes to dead_letters with the original key, origin, reason, error and worker", () => {
    const out = dl(rec(Buffer.from("{oops")));
    expect(out.topic).toBe("dead_letters");
    expect(out.key).toBe("user-3");
    expect(out.timestamp).toBe(NOW - 1000);
    expect(DeadLetterValue.parse(JSON.parse(String(out.value)))).toEqual({
      topic: "A_input",
      partition: 2,
      offset: "12345678901234567",
      key: "user-3",
      reason: "not_json",
      error: "value is not valid JSON",
      payload: "{oops",
      payloadEncoding: "utf8",
      payloadTruncated: false,
      payloadBytes: 5,
      worker: "strategy",
    });
  });

  it("keeps valid UTF-8 as text, including multi-byte characters", () => {
    expect(parsed(rec(Buffer.from("héllo ✓ 🎉"))).payload).toBe("héllo ✓ 🎉");
  });

  it("base64-encodes bytes that are not valid UTF-8", () => {
    const bytes = Buffer.from([0xff, 0x00, 0xc3, 0x28]);
    const v = parsed(rec(bytes));
    expect(v.payloadEncoding).toBe("base64");
    expect(Buffer.from(v.payload!, "base64")).toEqual(bytes);
    expect(v.payloadBytes).toBe(4);
  });

  it("represents a missing value as a null payload of 0 bytes", () => {
    expect(parsed(rec(null))).toMatchObject({ payload: null, payloadBytes: 0, payloadTruncated: false });
  });

  it("keeps a key-less record key-less", () => {
    const out = dl(rec(Buffer.from("x"), { key: null }));
    expect(out.key).toBeNull();
    expect(DeadLetterValue.parse(JSON.parse(String(out.value))).key).toBeNull();
  });

  it("truncates a large text payload and says so, with the original size", () => {
    const v = parsed(rec(Buffer.from("a".repeat(100_000))), 1000);
    expect(v).toMatchObject({ payloadTruncated: true, payloadBytes: 100_000, payloadEncoding: "utf8" });
    expect(v.payload).toBe("a".repeat(1000));
  });

  it("does not split a multi-byte character when truncating text", () => {
    const v = parsed(rec(Buffer.from("ab✓✓")), 4); // ✓ is 3 bytes: "ab" + 2 bytes of ✓ would be cut
    expect(v.payload).toBe("ab");
    expect(v.payloadTruncated).toBe(true);
  });

  it("truncates a binary payload to the limit before base64", () => {
    const v = parsed(rec(Buffer.alloc(50_000, 0xff)), 300);
    expect(Buffer.from(v.payload!, "base64")).toHaveLength(300);
    expect(v).toMatchObject({ payloadTruncated: true, payloadBytes: 50_000, payloadEncoding: "base64" });
  });

  it("does not flag a payload of exactly the limit as truncated", () => {
    expect(parsed(rec(Buffer.from("abcd")), 4)).toMatchObject({ payload: "abcd", payloadTruncated: false });
  });

  it("stays under a fixed bound for huge, binary, escaping-heavy payloads and huge keys", () => {
    const max = 16384;
    const bound = 6 * max + 3 * 1024 + 8 * DEAD_LETTER_TEXT_LIMIT;
    const payloads = [
      Buffer.alloc(1 << 20, 0x01), // control chars: each escapes to \u0001 in JSON
      Buffer.alloc(1 << 20, 0xfe),
      Buffer.from('"\\'.repeat(1 << 19)),
      Buffer.from("🎉".repeat(1 << 18)),
    ];
    for (const p of payloads) {
      const out = deadLetterFor(rec(p, { key: "k".repeat(1 << 20) }), "too_large", "e".repeat(1 << 16), "join", max, NOW);
      expect(Buffer.byteLength(String(out.value))).toBeLessThan(bound);
      expect(() => DeadLetterValue.parse(JSON.parse(String(out.value)))).not.toThrow();
    }
  });

  it("always parses as a DeadLetterValue for random bytes", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 500; i++) {
      const b = Buffer.from(Array.from({ length: Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256)));
      expect(() => parsed(rec(b), Math.floor(rnd() * 70))).not.toThrow();
    }
  });

  it("falls back to now when the record timestamp is not sane", () => {
    for (const ts of [-1, 0, NaN, 1.5, NOW + 10 * 3_600_000]) {
      expect(dl(rec(Buffer.from("x"), { timestamp: ts })).timestamp).toBe(NOW);
    }
  });
});
