import { describe, expect, it } from "vitest";
import { COMPONENT_NAMES } from "@/lib/contract/api";
import { NODE_AT, STAGES, TOPIC_AT } from "./layout";

describe("the diagram's stages (the stacked layout of a narrow screen)", () => {
  it("hold every component exactly once, so none is missing when the diagram stacks", () => {
    const nodes = STAGES.flatMap((s) => s.nodes);
    expect([...nodes].sort()).toEqual([...COMPONENT_NAMES].sort());
    expect(Object.keys(NODE_AT).sort()).toEqual([...COMPONENT_NAMES].sort());
  });

  it("hold every topic of the wide diagram exactly once", () => {
    const topics = STAGES.flatMap((s) => s.topics);
    expect([...topics].sort()).toEqual(Object.keys(TOPIC_AT).sort());
  });

  it("go left to right in the order records flow", () => {
    const xs = STAGES.map((s) => s.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const s of STAGES) for (const n of s.nodes) expect(NODE_AT[n].x, n).toBe(s.x);
  });
});
