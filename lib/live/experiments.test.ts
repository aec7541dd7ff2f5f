import { describe, expect, it } from "vitest";
import type { InstanceView } from "@/lib/contract/api";
import {
  assignmentOf,
  assignmentSignature,
  expectLate,
  fateOf,
  inOutVerdict,
  newlyBroken,
  instanceChoices,
  nextRebalance,
  topicPartitions,
  totalLag,
} from "./experiments";

const inst = (index: number, assigned: [string, number][], status: InstanceView["status"] = "running"): InstanceView => ({
  index,
  status,
  pid: 100 + index,
  restarts: 0,
  reason: null,
  metrics: {
    at: 0,
    recordsInPerSec: 0,
    recordsOutPerSec: 0,
    recordsInTotal: 0,
    recordsOutTotal: 0,
    deadLettered: 0,
    latencyMs: null,
    lag: [],
    assigned: assigned.map(([topic, partition]) => ({ topic, partition })),
    join: null,
  },
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
    const a = assignmentOf([inst(0, [["p.B_input", 1], ["p.A_input", 0]]), inst(1, [["p.A_input", 1]], "crashed")], (t) => t.slice(2));
    expect(a.get(0)).toEqual([{ topic: "A_input", partition: 0 }, { topic: "B_input", partition: 1 }]);
    expect(a.get(1)).toEqual([]);
  });
  it("counts a changed assignment as a rebalance, but not the first one or an empty one", () => {
    const one = assignmentSignature(assignmentOf([inst(0, [["A_input", 0], ["A_input", 1]])]));
    const two = assignmentSignature(assignmentOf([inst(0, [["A_input", 0]]), inst(1, [["A_input", 1]])]));
    const none = assignmentSignature(assignmentOf([inst(0, [], "starting")]));
    let r = nextRebalance({ signature: "", count: 0 }, one);
    expect(r.count).toBe(0);
    r = nextRebalance(r, two);
    expect(r.count).toBe(1);
    expect(nextRebalance(r, two)).toBe(r);
    expect(nextRebalance(r, none)).toBe(r);
  });
  it("sums lag", () => {
    expect(totalLag([{ lag: 2 }, { lag: 3 }])).toBe(5);
    expect(totalLag(undefined)).toBe(0);
  });
});

describe("in = out", () => {
  const x = (input: number, output: number, deadLetters: number, lag: number, handled = output + deadLetters) => ({ input, output, deadLetters, lag, handled });
  it("is equal when every input is a result, a dead letter or waiting", () => {
    expect(inOutVerdict(x(100, 90, 2, 8), true)).toEqual({ expected: 90, diff: 0, lost: 0, duplicated: 0, state: "equal" });
  });
  it("settles while records flow, and calls a steady shortfall lost", () => {
    expect(inOutVerdict(x(100, 95, 0, 0), true).state).toBe("settling");
    expect(inOutVerdict(x(100, 95, 0, 3), false).state).toBe("settling");
    expect(inOutVerdict(x(100, 95, 0, 0), false)).toEqual({ expected: 100, diff: -5, lost: 5, duplicated: 0, state: "missing" });
  });
  it("counts outputs beyond the first for an input as duplicated at once, even while records flow", () => {
    expect(inOutVerdict(x(100, 130, 0, 0, 100), false)).toMatchObject({ lost: 0, duplicated: 30, state: "duplicates" });
    expect(inOutVerdict(x(100, 93, 0, 10, 88), true)).toMatchObject({ lost: 0, duplicated: 5, state: "duplicates" });
  });
  it("tells losses and duplicates apart when they cancel out in the totals", () => {
    // 100 inputs, 100 outputs: 10 inputs have none, 10 have two.
    expect(inOutVerdict(x(100, 100, 0, 0, 90), false)).toEqual({ expected: 100, diff: 0, lost: 10, duplicated: 10, state: "both" });
  });
  it("counts a repeated dead letter as a duplicate too", () => {
    expect(inOutVerdict(x(10, 8, 3, 0, 10), false)).toMatchObject({ lost: 0, duplicated: 1, state: "duplicates" });
  });
});

describe("newly broken", () => {
  it("takes the first report as the baseline, then names what grew", () => {
    expect(newlyBroken(null, { lost: 5, duplicated: 3 })).toEqual([]);
    expect(newlyBroken({ lost: 5, duplicated: 3 }, { lost: 5, duplicated: 3 })).toEqual([]);
    expect(newlyBroken({ lost: 5, duplicated: 3 }, { lost: 6, duplicated: 3 })).toEqual(["lost"]);
    expect(newlyBroken({ lost: 0, duplicated: 0 }, { lost: 2, duplicated: 7 })).toEqual(["lost", "duplicated"]);
  });
  it("does not report a loss that went back down (a late output arrived)", () => {
    expect(newlyBroken({ lost: 4, duplicated: 0 }, { lost: 1, duplicated: 0 })).toEqual([]);
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
});
