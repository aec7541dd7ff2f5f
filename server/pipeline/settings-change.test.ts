import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { planPartitionChange, restartsNeeded, settingRestarts } from "./settings-change";

describe("settingRestarts", () => {
  it("restarts nothing when rate, keys or disorder change, since producers apply them live", () => {
    const after = { ...DEFAULT_SETTINGS, ratePerSecond: 500, keys: 9, disorderPercent: 0 };
    expect(settingRestarts(DEFAULT_SETTINGS, after, ["producer-A", "join", "aggregate"])).toEqual([]);
  });

  it("restarts the running join for a new window or watermark delay, and the aggregation for its own settings", () => {
    expect(settingRestarts(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, watermarkDelayMs: 5 }, ["join", "aggregate"])).toEqual(["join"]);
    expect(settingRestarts(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, aggOutputMode: "append" }, ["join", "aggregate"])).toEqual(["aggregate"]);
  });

  it("restarts no stopped worker: it reads the new value when it starts", () => {
    expect(settingRestarts(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, joinWindowMs: 1000 }, ["aggregate"])).toEqual([]);
  });
});

describe("restartsNeeded", () => {
  it("lists each changed setting with the worker it restarted", () => {
    const after = { ...DEFAULT_SETTINGS, joinWindowMs: 1000, watermarkDelayMs: 5 };
    const res = restartsNeeded(DEFAULT_SETTINGS, after, ["join"]);
    expect(res.map((r) => [r.setting, r.components])).toEqual([
      ["joinWindowMs", ["join"]],
      ["watermarkDelayMs", ["join"]],
    ]);
    expect(res[0]!.note).toMatch(/restarted "join" with joinWindowMs = 1000/);
  });

  it("lists nothing for a worker that was not restarted", () => {
    expect(restartsNeeded(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, joinWindowMs: 1000 }, [])).toEqual([]);
  });

  it("lists what a partition change restarted, with the window the join restarted with", () => {
    const after = { ...DEFAULT_SETTINGS, partitions: 6, joinWindowMs: 1000 };
    const res = restartsNeeded(DEFAULT_SETTINGS, after, [], ["join", "producer-C"]);
    expect(res.map((r) => r.setting)).toEqual(["joinWindowMs", "partitions"]);
    expect(res[1]).toEqual(expect.objectContaining({ components: ["join", "producer-C"] }));
    expect(res[1]!.note).toMatch(/6 partitions/);
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
