import { describe, expect, it } from "vitest";
import { metrics } from "./fixtures.test-support";
import type { InstanceView } from "@/lib/contract/api";
import { assignmentState, countRebalances, latestGeneration, NO_REBALANCES } from "./assignment";

const inst = (index: number, assigned: [string, number][], generation: number | null, status: InstanceView["status"] = "running"): InstanceView => ({
  index,
  status,
  pid: 100 + index,
  restarts: 0,
  reason: null,
  metrics: metrics({ assigned: assigned.map(([topic, partition]) => ({ topic, partition })), generation }),
});

describe("the assignment view", () => {
  it("shows who owns what when every running member reports the same generation", () => {
    const s = assignmentState([inst(0, [["p.A_input", 0]], 7), inst(1, [["p.A_input", 1]], 7), inst(2, [["p.A_input", 2]], null, "crashed")], (t) =>
      t.slice(2),
    );
    expect(s.kind).toBe("stable");
    if (s.kind !== "stable") return;
    expect(s.generation).toBe(7);
    expect(s.owned.get(1)).toEqual([{ topic: "A_input", partition: 1 }]);
    expect(s.owned.get(2)).toEqual([]);
  });
  it("says rebalancing, never two owners, when the reports overlap", () => {
    const s = assignmentState([
      inst(
        0,
        [
          ["A_input", 0],
          ["A_input", 1],
        ],
        7,
      ),
      inst(1, [["A_input", 1]], 7),
    ]);
    expect(s).toEqual({ kind: "rebalancing", generation: 7 });
  });
  it("says rebalancing while a member's report is older than the newest generation", () => {
    // Member 1 already owns all 12 in generation 9; member 0 still shows its part of generation 8.
    const all = ["A", "B", "C", "D"].flatMap((t) => [0, 1, 2].map((p) => [`${t}_input`, p] as [string, number]));
    expect(assignmentState([inst(0, all.slice(0, 6), 8), inst(1, all, 9)]).kind).toBe("rebalancing");
  });
  it("says rebalancing while a running member has not joined the group yet", () => {
    expect(assignmentState([inst(0, [["A_input", 0]], 3), inst(1, [], null)]).kind).toBe("rebalancing");
    expect(latestGeneration([inst(0, [["A_input", 0]], 3), inst(1, [], null), inst(2, [], 5, "crashed")])).toBe(3);
  });
  it("is stable and empty with nothing running", () => {
    expect(assignmentState([inst(0, [["A_input", 0]], 3, "stopped")])).toMatchObject({ kind: "stable", generation: null });
  });
});

describe("counting rebalances", () => {
  it("starts from the first generation seen and counts each one after it", () => {
    let r = countRebalances(NO_REBALANCES, 4, 1000);
    expect(r).toEqual({ generation: 4, count: 0, at: 0 });
    r = countRebalances(r, 5, 2000);
    expect(r).toEqual({ generation: 5, count: 1, at: 2000 });
    expect(countRebalances(r, 5, 3000)).toBe(r);
    expect(countRebalances(r, null, 3000)).toBe(r);
  });
  it("counts a jump of two generations (a killed member leaves, its restart joins) as two", () => {
    expect(countRebalances({ generation: 5, count: 1, at: 2000 }, 7, 9000)).toEqual({ generation: 7, count: 3, at: 9000 });
  });
  it("counts a group made anew (a lower generation) as one", () => {
    expect(countRebalances({ generation: 9, count: 2, at: 1 }, 1, 5)).toEqual({ generation: 1, count: 3, at: 5 });
  });
});
