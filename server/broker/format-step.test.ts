import { describe, expect, it } from "vitest";
import { formatBytes, formatStep } from "./format-step";

describe("formatStep", () => {
  it("renders a finished step with a check mark and its duration", () => {
    expect(formatStep({ step: "resolve", message: "46 jars (45 MB) from cache", elapsedMs: 120 })).toBe("[kafka] ✓ resolve  46 jars (45 MB) from cache  0.1 s");
  });

  it("renders a step under way without a duration", () => {
    expect(formatStep({ step: "start", message: "launching JVM" })).toBe("[kafka] … start    launching JVM");
  });

  it("rounds long durations to whole seconds", () => {
    expect(formatStep({ step: "ready", message: "x", elapsedMs: 21_400 })).toMatch(/ 21 s$/);
  });
});

describe("formatBytes", () => {
  it("shows mebibytes", () => {
    expect(formatBytes(47_185_920)).toBe("45 MB");
  });
});
