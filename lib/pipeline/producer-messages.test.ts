import { describe, expect, it } from "vitest";
import { InputValue } from "../contract/records";
import { seededRandom } from "./hostile-corpus";
import { disorderBands, eventTimeLag, makeInputMessage } from "./producer-messages";
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
      const m = makeInputMessage(s, 3, Math.random, NOW, { percent: 100, watermarkDelayMs: 15_000 });
      const v = validateInputRecord(
        { topic: m.topic, partition: 0, offset: "0", key: m.key, value: Buffer.from(String(m.value)), timestamp: m.timestamp },
        s,
        NOW,
      );
      expect(v.ok).toBe(true);
      expect(() => InputValue.parse(JSON.parse(String(m.value)))).not.toThrow();
    }
  });
});

describe("event-time disorder", () => {
  const DELAY = 15_000;
  const lags = (percent: number, n: number, seed = 7, watermarkDelayMs = DELAY) => {
    const rng = seededRandom(seed);
    return Array.from({ length: n }, () => eventTimeLag({ percent, watermarkDelayMs }, rng));
  };

  it("stamps ts = now minus the lag, in the value and as the Kafka record timestamp", () => {
    const rng = seededRandom(3);
    const ms = Array.from({ length: 2000 }, () => makeInputMessage("D", 5, rng, NOW, { percent: 50, watermarkDelayMs: DELAY }));
    for (const m of ms) expect(JSON.parse(String(m.value)).ts).toBe(m.timestamp);
    const old = ms.filter((m) => m.timestamp! < NOW);
    expect(old.length).toBeGreaterThan(800);
    expect(old.length).toBeLessThan(1200);
    expect(ms.every((m) => m.timestamp! <= NOW && m.timestamp! >= NOW - 2 * DELAY - 2000)).toBe(true);
  });

  it("makes no disorder at 0 % and only disorder at 100 %", () => {
    expect(lags(0, 10_000).every((l) => l === 0)).toBe(true);
    expect(lags(100, 10_000).every((l) => l >= 1000)).toBe(true);
  });

  it("disorders the configured share: 80 % of it out of order within half the delay, 20 % beyond the delay", () => {
    const n = 200_000;
    const all = lags(5, n);
    const disordered = all.filter((l) => l > 0);
    expect(disordered.length / n).toBeGreaterThan(0.045);
    expect(disordered.length / n).toBeLessThan(0.055);
    const onTime = disordered.filter((l) => l <= DELAY / 2);
    const late = disordered.filter((l) => l > DELAY);
    // Nothing between the bands: a record is either safely on time or really late.
    expect(onTime.length + late.length).toBe(disordered.length);
    expect(onTime.length / disordered.length).toBeGreaterThan(0.77);
    expect(onTime.length / disordered.length).toBeLessThan(0.83);
    expect(Math.min(...onTime)).toBeGreaterThanOrEqual(1000);
    expect(Math.min(...late)).toBeGreaterThanOrEqual(DELAY + 2000);
    expect(Math.max(...late)).toBeLessThanOrEqual(2 * DELAY + 2000);
    // Spread over each band, not stuck at one end.
    expect(Math.max(...onTime)).toBeGreaterThan(DELAY / 2 - 500);
    expect(Math.min(...late)).toBeLessThan(DELAY + 2500);
    expect(Math.max(...late)).toBeGreaterThan(2 * DELAY + 1500);
  });

  it("follows the watermark delay: a longer delay makes older late records", () => {
    const late = lags(100, 5000, 9, 30 * 60_000).filter((l) => l > 30 * 60_000);
    expect(late.length).toBeGreaterThan(800);
    expect(Math.min(...late)).toBeGreaterThanOrEqual(30 * 60_000 + 2000);
    const none = lags(100, 1000, 9, 0);
    expect(none.every((l) => l >= 1000 && l <= 2000)).toBe(true);
  });

  it("states its bands for the settings form: 15 s delay → 1 … 7.5 s on time, 17 … 32 s late", () => {
    expect(disorderBands(15_000)).toEqual({ onTime: [1000, 7500], late: [17_000, 32_000] });
    expect(disorderBands(0)).toEqual({ onTime: [1000, 1000], late: [2000, 2000] });
  });

  it("is deterministic for a seeded random source", () => {
    expect(lags(30, 1000, 11)).toEqual(lags(30, 1000, 11));
    expect(lags(30, 1000, 11)).not.toEqual(lags(30, 1000, 12));
  });
});
