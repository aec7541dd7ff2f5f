import { describe, expect, it } from "vitest";
import { decideResume, describeResume, sameRunning, type RunState } from "./run-state";

const running = [
  { name: "strategy" as const, instances: 2 },
  { name: "producer-A" as const, instances: 1 },
];
const unclean: RunState = { running, cleanStop: false, at: 1 };

describe("deciding whether to resume at start", () => {
  it("resumes what ran when the previous run ended uncleanly", () => {
    expect(decideResume(unclean, true)).toEqual({ kind: "resume", running });
  });
  it("does not resume after a clean stop: the learner ended the run", () => {
    expect(decideResume({ ...unclean, cleanStop: true }, true)).toEqual({ kind: "nothing" });
  });
  it("has nothing to resume on a first start or when nothing was running", () => {
    expect(decideResume(null, true)).toEqual({ kind: "nothing" });
    expect(decideResume({ ...unclean, running: [] }, true)).toEqual({ kind: "nothing" });
  });
  it("says what it would have resumed when LAB_RESUME is off", () => {
    expect(decideResume(unclean, false)).toEqual({ kind: "disabled", running });
  });
});

describe("the terminal line about resuming", () => {
  it("names the components and their instance counts, or says why not", () => {
    expect(describeResume({ kind: "resume", running })).toBe("[lab] resuming what was running before the unclean stop: strategy ×2, producer-A");
    expect(describeResume({ kind: "disabled", running })).toBe("[lab] not resuming strategy ×2, producer-A after the unclean stop: LAB_RESUME=false");
    expect(describeResume({ kind: "nothing" })).toBeNull();
  });
});

describe("comparing what runs", () => {
  it("ignores order but not instance counts", () => {
    expect(sameRunning(running, [...running].reverse())).toBe(true);
    expect(sameRunning(running, [{ name: "strategy", instances: 1 }, running[1]!])).toBe(false);
    expect(sameRunning(running, running.slice(1))).toBe(false);
  });
});
