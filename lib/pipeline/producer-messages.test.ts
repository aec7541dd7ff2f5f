import { describe, expect, it } from "vitest";
import { InputValue } from "../contract/records";
import { makeInputMessage } from "./producer-messages";
import { validateInputRecord } from "./validate";

const NOW = 1_763_800_000_123;

describe("makeInputMessage", () => {
  it("writes {strategy, value, ts} to X_input with ts and timestamp = now", () => {
    const m = makeInputMessage("C", 5, () => 0, NOW);
    expect(m).toEqual({ topic: "C_input", key: "user-1", value: JSON.stringify({ strategy: "C", value: 1, ts: NOW }), timestamp: NOW });
  });

  it("maps the ends of the random range to user-1…user-K and values 1…100", () => {
    const top = makeInputMessage("A", 5, () => 0.999999999, NOW);
    expect(top.key).toBe("user-5");
    expect(JSON.parse(String(top.value)).value).toBe(100);
    const clamped = makeInputMessage("A", 5, () => 1, NOW); // a broken rng must not make user-6
    expect(clamped.key).toBe("user-5");
    expect(JSON.parse(String(clamped.value)).value).toBe(100);
  });

  it("draws keys and values uniformly", () => {
    let s = 42;
    const rng = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const keys = new Map<string, number>();
    const values = new Map<number, number>();
    for (let i = 0; i < 100_000; i++) {
      const m = makeInputMessage("B", 10, rng, NOW);
      keys.set(m.key!, (keys.get(m.key!) ?? 0) + 1);
      const v = JSON.parse(String(m.value)).value as number;
      values.set(v, (values.get(v) ?? 0) + 1);
    }
    expect([...keys.keys()].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `user-${i + 1}`).sort());
    for (const n of keys.values()) expect(n).toBeGreaterThan(9_000);
    expect(values.size).toBe(100);
    expect(Math.min(...values.keys())).toBe(1);
    expect(Math.max(...values.keys())).toBe(100);
    for (const n of values.values()) expect(n).toBeGreaterThan(800);
  });

  it("always makes a record that passes the input validation", () => {
    for (const s of ["A", "B", "C", "D"] as const) {
      const m = makeInputMessage(s, 3, Math.random, NOW);
      const v = validateInputRecord({ topic: m.topic, partition: 0, offset: "0", key: m.key, value: Buffer.from(String(m.value)), timestamp: m.timestamp }, s, NOW);
      expect(v.ok).toBe(true);
      expect(() => InputValue.parse(JSON.parse(String(m.value)))).not.toThrow();
    }
  });
});
