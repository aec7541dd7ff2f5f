import { describe, expect, it } from "vitest";
import { laneKeys, visibleSpan } from "./scale";

const r = (key: string | null) => ({ side: "C" as const, key, val: 1, ts: 1, partition: 0, offset: "0", late: false });

describe("join timeline scale", () => {
  it("shows four windows, within 30 s and 10 min", () => {
    expect(visibleSpan(5_000)).toBe(30_000);
    expect(visibleSpan(60_000)).toBe(240_000);
    expect(visibleSpan(300_000)).toBe(600_000);
  });
  it("picks the most recent keys in natural order", () => {
    expect(laneKeys([r("user-10"), r("user-2"), r("user-1"), r("user-2"), r(null)], 3)).toEqual(["user-1", "user-2", "∅"]);
  });
});
