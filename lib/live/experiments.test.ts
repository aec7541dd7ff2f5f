import { describe, expect, it } from "vitest";
import { metrics } from "./fixtures.test-support";
import type { InstanceView } from "@/lib/contract/api";
import { assignmentOf, expectLate, fateOf, instanceChoices, topicPartitions, totalLag } from "./experiments";

const inst = (index: number, assigned: [string, number][], status: InstanceView["status"] = "running"): InstanceView => ({
  index,
  status,
  pid: 100 + index,
  restarts: 0,
  reason: null,
  metrics: metrics({ assigned: assigned.map(([topic, partition]) => ({ topic, partition })) }),
});

describe("scale choices", () => {
  it("offers one idle member beyond the units of work, capped at the maximum", () => {
    expect(topicPartitions("join", 3)).toBe(3);
    expect(instanceChoices("join", 3)).toEqual([1, 2, 3, 4]);
    expect(topicPartitions("strategy", 3)).toBe(12);
    expect(instanceChoices("strategy", 3)).toHaveLength(8);
    expect(instanceChoices("strategy", 1)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("assignment and rebalances", () => {
  it("lists what each running instance owns, without the prefix", () => {
    const a = assignmentOf(
      [
        inst(0, [
          ["p.B_input", 1],
          ["p.A_input", 0],
        ]),
        inst(1, [["p.A_input", 1]], "crashed"),
      ],
      (t) => t.slice(2),
    );
    expect(a.get(0)).toEqual([
      { topic: "A_input", partition: 0 },
      { topic: "B_input", partition: 1 },
    ]);
    expect(a.get(1)).toEqual([]);
  });
  it("sums lag", () => {
    expect(totalLag([{ lag: 2 }, { lag: 3 }])).toBe(5);
    expect(totalLag(undefined)).toBe(0);
  });
});

describe("late records", () => {
  it("are below the watermark", () => {
    expect(expectLate(1000, 2000)).toBe(true);
    expect(expectLate(3000, 2000)).toBe(false);
    expect(expectLate(1000, null)).toBe(false);
  });
});

describe("the fate of an injected record", () => {
  const rec = (late: boolean) => ({ side: "D" as const, key: "user-1", val: 5, ts: 1000, partition: 0, offset: "7", late });
  const h = { side: "D" as const, key: "user-1", ts: 1000 };
  it("travels, waits, joins or is dropped as late", () => {
    expect(fateOf(h, { records: [], matches: [] })).toBe("travelling");
    expect(fateOf(h, { records: [rec(false)], matches: [] })).toBe("waiting");
    expect(fateOf(h, { records: [rec(true)], matches: [] })).toBe("late");
    expect(fateOf(h, { records: [rec(false)], matches: [{ key: "user-1", c_val: 1, d_val: 5, c_ts: 990, d_ts: 1000 }] })).toBe("joined");
  });
  it("is unmatched once the watermark passed its window without a partner, and waiting until then", () => {
    expect(fateOf(h, { records: [rec(false)], matches: [], watermark: 1000 + 10_000, windowMs: 10_000 })).toBe("waiting");
    expect(fateOf(h, { records: [rec(false)], matches: [], watermark: 1000 + 10_001, windowMs: 10_000 })).toBe("unmatched");
    expect(fateOf(h, { records: [rec(false)], matches: [], watermark: null, windowMs: 10_000 })).toBe("waiting");
  });
});
