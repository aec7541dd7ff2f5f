import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { toFormValues, validateForm } from "./fields";

describe("settings form", () => {
  it("shows times in seconds", () => {
    expect(toFormValues(DEFAULT_SETTINGS)).toEqual({
      ratePerSecond: "1",
      keys: "5",
      partitions: "3",
      joinWindowMs: "300",
      watermarkDelayMs: "1800",
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
});
