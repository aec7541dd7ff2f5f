import { describe, expect, it } from "vitest";
import { flatten, joinKeptUp, targets } from "./report";

const keptUp = {
  inputMsgsPerSec: 4_008,
  matchesPerSec: 4_005,
  expectedMatchesPerSec: 4_006,
  lateDroppedPerSec: 0,
  lagAtEnd: 0,
  generatedPerSec: 4_003,
  p99Ms: 46,
  peakStateRows: 60_040,
  rssGrowthMB: 20,
};
const fellBehind = {
  ...keptUp,
  inputMsgsPerSec: 21_335,
  matchesPerSec: 21_073,
  expectedMatchesPerSec: 100_459,
  lateDroppedPerSec: 15_000,
  lagAtEnd: 100_420,
  generatedPerSec: 20_046,
};
const joinTarget = (join: object) => targets(flatten({ join })).find((t) => t.target.startsWith("join ≥"))!;

describe("bench report: the join target", () => {
  it("counts a join that writes every pair, drops nothing late and ends without a backlog as keeping up", () => {
    expect(joinKeptUp(keptUp)).toBe(true);
  });

  it("does not count a fast read rate as throughput when the join drops records as late", () => {
    expect(joinKeptUp(fellBehind)).toBe(false);
    expect(joinKeptUp({ ...keptUp, lateDroppedPerSec: 1 })).toBe(false);
    const t = joinTarget(fellBehind);
    expect(t.met).toBe(false);
    expect(t.value).toMatch(/fell behind: 15000 rec\/s dropped late, 21073 of 100459 pairs\/s/);
  });

  it("does not count a join that writes too few pairs or ends with a backlog", () => {
    expect(joinKeptUp({ ...keptUp, matchesPerSec: 3_700 })).toBe(false);
    expect(joinKeptUp({ ...keptUp, lagAtEnd: 9_000 })).toBe(false);
  });

  it("meets the target only at 20,000 rec/s or more while keeping up", () => {
    expect(joinTarget(keptUp).met).toBe(false);
    expect(joinTarget({ ...keptUp, inputMsgsPerSec: 20_500, generatedPerSec: 20_400 }).met).toBe(true);
    expect(joinTarget({ ...keptUp, inputMsgsPerSec: 20_500, generatedPerSec: 20_400 }).value).toBe("20500 rec/s, kept up");
  });

  it("reports n/a when the join scenario did not run", () => {
    expect(joinTarget(undefined as unknown as object).met).toBeNull();
  });
});
