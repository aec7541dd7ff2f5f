import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { AGG_SETTING_NAMES, toFormValues, validateForm } from "./fields";

describe("settings form", () => {
  it("shows times in seconds", () => {
    expect(toFormValues(DEFAULT_SETTINGS)).toEqual({
      ratePerSecond: "1",
      keys: "8",
      partitions: "3",
      joinWindowMs: "300",
      watermarkDelayMs: "1800",
      aggWindowMs: "10",
      aggSlideMs: "10",
      aggWatermarkDelayMs: "5",
    });
  });
  it("sends only what changed, in the API's units", () => {
    const v = { ...toFormValues(DEFAULT_SETTINGS), joinWindowMs: "10", ratePerSecond: "250.5" };
    expect(validateForm(v, DEFAULT_SETTINGS)).toEqual({
      errors: {},
      patch: { joinWindowMs: 10_000, ratePerSecond: 250.5 },
      ok: true,
    });
  });
  it("names each bad field with its limits", () => {
    const v = { ...toFormValues(DEFAULT_SETTINGS), ratePerSecond: "50000", keys: "2.5", partitions: "", watermarkDelayMs: "-1" };
    const r = validateForm(v, DEFAULT_SETTINGS);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual({
      ratePerSecond: { kind: "range", min: 0.1, max: 20000 },
      keys: { kind: "integer" },
      partitions: { kind: "range", min: 1, max: 64 },
      watermarkDelayMs: { kind: "range", min: 0, max: 86400 },
    });
  });
  it("checks the aggregation settings together, only among the names asked for", () => {
    const v = { ...toFormValues(DEFAULT_SETTINGS), aggWindowMs: "2", aggSlideMs: "3", keys: "x" };
    const r = validateForm(v, DEFAULT_SETTINGS, AGG_SETTING_NAMES);
    expect(r.errors).toEqual({ aggSlideMs: { kind: "slide" } });
    const many = validateForm({ ...v, aggWindowMs: "100", aggSlideMs: "1" }, DEFAULT_SETTINGS, AGG_SETTING_NAMES);
    expect(many.errors.aggSlideMs).toEqual({ kind: "windows", count: 206, max: 100 });
    const good = validateForm({ ...v, aggSlideMs: "2", aggWatermarkDelayMs: "1" }, DEFAULT_SETTINGS, AGG_SETTING_NAMES);
    expect(good).toEqual({ errors: {}, patch: { aggWindowMs: 2000, aggSlideMs: 2000, aggWatermarkDelayMs: 1000 }, ok: true });
  });
});
