import { describe, expect, it } from "vitest";
import { assignCoPartitioned } from "./co-partition";

const layout = (n: number) => [
  { topic: "C_output", partitions: Array.from({ length: n }, (_, i) => i) },
  { topic: "D_input", partitions: Array.from({ length: n }, (_, i) => i) },
];
const members = (m: number) => Array.from({ length: m }, (_, i) => `member-${i}`);

describe("assignCoPartitioned", () => {
  it.each([1, 2, 3, 4])("with %i member(s) and 3 partitions assigns each partition exactly once, p of C and D together", (m) => {
    const plan = assignCoPartitioned(members(m), layout(3));
    expect(Object.keys(plan).sort()).toEqual(members(m));
    for (const topic of ["C_output", "D_input"]) {
      const all = Object.values(plan).flatMap((a) => a[topic] ?? []);
      expect(all.sort()).toEqual([0, 1, 2]);
    }
    for (const a of Object.values(plan)) expect(a.C_output).toEqual(a.D_input);
  });

  it("spreads partitions evenly in contiguous ranges, earlier members first", () => {
    const plan = assignCoPartitioned(members(3), layout(8));
    expect(Object.values(plan).map((a) => a.C_output)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7],
    ]);
  });

  it("gives extra members nothing but still lists the topics", () => {
    const plan = assignCoPartitioned(members(4), layout(3));
    expect(plan["member-3"]).toEqual({ C_output: [], D_input: [] });
  });

  it("does not depend on the order members or partitions are given in", () => {
    const a = assignCoPartitioned(["b", "a", "c"], layout(6));
    const b = assignCoPartitioned(
      ["c", "b", "a"],
      [
        { topic: "C_output", partitions: [5, 3, 1, 0, 2, 4] },
        { topic: "D_input", partitions: [0, 1, 2, 3, 4, 5] },
      ],
    );
    expect(b).toEqual(a);
    expect(a.a?.C_output).toEqual([0, 1]);
  });

  it("still keeps p together when one topic has partitions the other lacks", () => {
    const plan = assignCoPartitioned(members(2), [
      { topic: "C_output", partitions: [0, 1, 2] },
      { topic: "D_input", partitions: [0, 1, 2, 3] },
    ]);
    expect(plan["member-0"]).toEqual({ C_output: [0, 1], D_input: [0, 1] });
    expect(plan["member-1"]).toEqual({ C_output: [2], D_input: [2, 3] });
  });

  it("returns an empty plan for no members and handles member ids like __proto__", () => {
    expect(assignCoPartitioned([], layout(3))).toEqual({});
    const plan = assignCoPartitioned(["__proto__"], layout(2));
    expect(plan["__proto__"]).toEqual({ C_output: [0, 1], D_input: [0, 1] });
  });
});
