import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { restartsNeeded } from "./settings-change";

describe("restartsNeeded", () => {
  it("asks for nothing when rate and keys change, since producers apply them live", () => {
    const after = { ...DEFAULT_SETTINGS, ratePerSecond: 500, keys: 9 };
    expect(restartsNeeded(DEFAULT_SETTINGS, after, ["producer-A", "join"], 3)).toEqual([]);
  });

  it("asks the running join to restart for a new window or watermark delay", () => {
    const after = { ...DEFAULT_SETTINGS, joinWindowMs: 1000, watermarkDelayMs: 5 };
    const res = restartsNeeded(DEFAULT_SETTINGS, after, ["join"], 3);
    expect(res.map((r) => r.setting)).toEqual(["joinWindowMs", "watermarkDelayMs"]);
    expect(res.every((r) => r.components.includes("join"))).toBe(true);
  });

  it("asks nothing of a stopped join: it reads the new window when it starts", () => {
    expect(restartsNeeded(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, joinWindowMs: 1000 }, [], 3)).toEqual([]);
  });

  it("says partitions cannot shrink below what the topics already have", () => {
    const res = restartsNeeded(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, partitions: 2 }, [], 3);
    expect(res).toHaveLength(1);
    expect(res[0]!.note).toMatch(/cannot remove partitions/);
  });

  it("accepts growing partitions without a restart", () => {
    expect(restartsNeeded(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, partitions: 6 }, ["join"], 3)).toEqual([]);
  });
});
