import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { planPartitionChange, restartsNeeded } from "./settings-change";

describe("restartsNeeded", () => {
  it("asks for nothing when rate and keys change, since producers apply them live", () => {
    const after = { ...DEFAULT_SETTINGS, ratePerSecond: 500, keys: 9 };
    expect(restartsNeeded(DEFAULT_SETTINGS, after, ["producer-A", "join"])).toEqual([]);
  });

  it("asks the running join to restart for a new window or watermark delay", () => {
    const after = { ...DEFAULT_SETTINGS, joinWindowMs: 1000, watermarkDelayMs: 5 };
    const res = restartsNeeded(DEFAULT_SETTINGS, after, ["join"]);
    expect(res.map((r) => r.setting)).toEqual(["joinWindowMs", "watermarkDelayMs"]);
    expect(res.every((r) => r.components.includes("join"))).toBe(true);
  });

  it("asks nothing of a stopped join: it reads the new window when it starts", () => {
    expect(restartsNeeded(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, joinWindowMs: 1000 }, [])).toEqual([]);
  });

  it("lists what a partition change restarted, and asks nothing more of a join it restarted", () => {
    const after = { ...DEFAULT_SETTINGS, partitions: 6, joinWindowMs: 1000 };
    const res = restartsNeeded(DEFAULT_SETTINGS, after, ["join", "producer-C"], ["join", "producer-C"]);
    expect(res).toEqual([expect.objectContaining({ setting: "partitions", components: ["join", "producer-C"] })]);
    expect(res[0]!.note).toMatch(/6 partitions/);
  });
});

describe("planPartitionChange", () => {
  it("refuses fewer partitions than the topics have, since Kafka cannot remove partitions", () => {
    const plan = planPartitionChange(2, 3, []);
    expect(plan.kind).toBe("refuse");
    expect(plan.kind === "refuse" && plan.message).toMatch(/cannot remove partitions/);
  });

  it("restarts everything that runs when growing: workers listed before producers", () => {
    expect(planPartitionChange(6, 3, ["producer-D", "join", "producer-A", "strategy"])).toEqual({
      kind: "grow",
      to: 6,
      restart: ["strategy", "join", "producer-A", "producer-D"],
    });
  });

  it("grows without restarting anything when nothing runs", () => {
    expect(planPartitionChange(6, 3, [])).toEqual({ kind: "grow", to: 6, restart: [] });
  });

  it("does nothing when the count is unchanged, not asked for, or the topics do not exist yet", () => {
    expect(planPartitionChange(3, 3, ["join"])).toEqual({ kind: "none" });
    expect(planPartitionChange(undefined, 3, ["join"])).toEqual({ kind: "none" });
    expect(planPartitionChange(1, 0, ["join"])).toEqual({ kind: "none" });
  });
});
