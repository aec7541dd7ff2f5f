import { describe, expect, it } from "vitest";
import { PIPELINE_DEAD_LETTER_REASONS } from "../contract/records";
import { HOSTILE_KINDS, hostileCorpus } from "./hostile-corpus";
import { strategyStep } from "./strategy-step";
import { validateInputRecord } from "./validate";

const NOW = 1_800_000_000_000;
const corpus = hostileCorpus({ seed: 42, count: 1200, now: NOW });
const asRecord = (r: (typeof corpus)[number], i: number) => ({
  topic: `${r.strategy}_input`,
  partition: 0,
  offset: String(i),
  key: r.key,
  value: r.value,
  timestamp: NOW,
});

describe("the hostile corpus", () => {
  it("is the same for the same seed and differs for another seed", () => {
    const again = hostileCorpus({ seed: 42, count: 1200, now: NOW });
    expect(again.map((r) => r.value.toString("base64"))).toEqual(corpus.map((r) => r.value.toString("base64")));
    const other = hostileCorpus({ seed: 43, count: 1200, now: NOW });
    expect(other.map((r) => r.value.toString("base64"))).not.toEqual(corpus.map((r) => r.value.toString("base64")));
  });

  it("has every kind of hostility, every reason, and the extremes the issue names", () => {
    expect(corpus).toHaveLength(1200);
    expect(new Set(corpus.map((r) => r.kind))).toEqual(new Set(HOSTILE_KINDS));
    const reasons = new Set(corpus.flatMap((r) => [r.strategyReason, r.joinReason]).filter(Boolean));
    expect(reasons).toEqual(new Set(PIPELINE_DEAD_LETTER_REASONS));
    expect(Math.max(...corpus.map((r) => r.value.length))).toBeGreaterThanOrEqual(300 * 1024);
    const deep = corpus.find((r) => r.kind === "deep-nesting")!.value.toString();
    expect(deep.split('{"a":').length - 1).toBe(10_000);
    expect(corpus.some((r) => r.value.includes("1e400"))).toBe(true);
    expect(corpus.some((r) => r.value.includes('"__proto__"'))).toBe(true);
    expect(new Set(corpus.map((r) => r.strategy))).toEqual(new Set(["A", "B", "C", "D"]));
  });

  it("gives unique keys, except the null-key records meant for the join", () => {
    const keys = corpus.map((r) => r.key).filter((k) => k !== null);
    expect(new Set(keys).size).toBe(keys.length);
    expect(corpus.filter((r) => r.key === null).every((r) => r.kind === "null-key" && ["C", "D"].includes(r.strategy))).toBe(true);
  });

  it("states the reason the strategy transform really gives each record", () => {
    corpus.forEach((r, i) => {
      const out = strategyStep(asRecord(r, i), NOW);
      if (r.strategyReason === null) expect(out.kind, r.kind).toBe("output");
      else expect([r.kind, out.kind, JSON.parse(String(out.record.value)).reason]).toEqual([r.kind, "dead", r.strategyReason]);
    });
  });

  it("states the reason the join gives the D records it reads itself", () => {
    for (const [i, r] of corpus.entries()) {
      if (r.strategy !== "D" || r.key === null) continue;
      const v = validateInputRecord(asRecord(r, i), "D", NOW);
      expect([r.kind, v.ok ? "ok" : v.reason]).toEqual([r.kind, r.joinReason]);
    }
  });

  it("does not pollute Object.prototype when its records are validated", () => {
    corpus.forEach((r, i) => strategyStep(asRecord(r, i), NOW));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).value).toBeUndefined();
  });
});
