import { describe, expect, it } from "vitest";
import { metrics } from "./fixtures.test-support";
import { DEFAULT_SETTINGS, type ComponentView } from "@/lib/contract/api";
import { runningSettings } from "./running-settings";

const join = (status: ComponentView["status"], settings?: typeof DEFAULT_SETTINGS): ComponentView => ({
  name: "join",
  kind: "worker",
  status,
  pid: 1,
  restarts: 0,
  reason: null,
  desiredInstances: 1,
  instances: [],
  metrics: settings ? metrics({ settings }) : null,
});

describe("runningSettings", () => {
  it("shows the running join's window, not the saved one, while they differ", () => {
    const saved = { ...DEFAULT_SETTINGS, joinWindowMs: 2000 };
    expect(runningSettings("join", saved, join("running", DEFAULT_SETTINGS))).toEqual({
      values: { joinWindowMs: 10_000, watermarkDelayMs: 15_000 },
      pending: true,
    });
  });

  it("is settled once the running values match the saved ones", () => {
    const saved = { ...DEFAULT_SETTINGS, joinWindowMs: 2000 };
    expect(runningSettings("join", saved, join("running", saved))).toEqual({ values: { joinWindowMs: 2000, watermarkDelayMs: 15_000 }, pending: false });
  });

  it("shows the saved values for a stopped worker: it will start with them", () => {
    const saved = { ...DEFAULT_SETTINGS, aggOutputMode: "append" as const };
    const r = runningSettings("aggregate", saved, { ...join("stopped", DEFAULT_SETTINGS), name: "aggregate" });
    expect(r).toEqual({ values: { aggWindowMs: 10_000, aggSlideMs: 10_000, aggWatermarkDelayMs: 5000, aggOutputMode: "append" }, pending: false });
  });

  it("is pending while a restarted worker starts and has not reported yet", () => {
    expect(runningSettings("join", DEFAULT_SETTINGS, join("starting")).pending).toBe(true);
    expect(runningSettings("join", DEFAULT_SETTINGS, join("running")).pending).toBe(false);
  });
});
