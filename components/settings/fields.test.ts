import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, NORMAL_RATE_MAX } from "@/lib/contract/api";
import { PRESETS, withPreset } from "@/lib/contract/presets";
import { SETTING_KEYS } from "@/lib/contract/settings";
import { AGG_SETTING_NAMES, fieldScale, FORM_CONTROLS, presetValues, SETTING_NAMES, toFormValues, validateForm } from "./fields";

describe("settings form", () => {
  it("shows times in seconds", () => {
    expect(toFormValues(DEFAULT_SETTINGS)).toEqual({
      ratePerSecond: "1",
      keys: "8",
      disorderPercent: "5",
      partitions: "3",
      joinWindowMs: "10",
      watermarkDelayMs: "15",
      aggWindowMs: "10",
      aggSlideMs: "10",
      aggWatermarkDelayMs: "5",
    });
  });
  it("sends only what changed, in the API's units", () => {
    const v = { ...toFormValues(DEFAULT_SETTINGS), joinWindowMs: "300", ratePerSecond: "250.5", disorderPercent: "0.5" };
    expect(validateForm(v, DEFAULT_SETTINGS)).toEqual({
      errors: {},
      patch: { joinWindowMs: 300_000, ratePerSecond: 250.5, disorderPercent: 0.5 },
      ok: true,
    });
  });
  it("names each bad field with its limits", () => {
    const v = { ...toFormValues(DEFAULT_SETTINGS), ratePerSecond: "50000", keys: "2.5", partitions: "", watermarkDelayMs: "-1", disorderPercent: "101" };
    const r = validateForm(v, DEFAULT_SETTINGS);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual({
      ratePerSecond: { kind: "range", min: 0.1, max: 20000 },
      keys: { kind: "integer" },
      disorderPercent: { kind: "range", min: 0, max: 100 },
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
  it("asks for the load-test choice above the normal-use rate, and accepts the rate with it", () => {
    const v = { ...toFormValues(DEFAULT_SETTINGS), ratePerSecond: "5000" };
    expect(validateForm(v, DEFAULT_SETTINGS).errors).toEqual({ ratePerSecond: { kind: "overCap", max: NORMAL_RATE_MAX } });
    expect(validateForm(v, DEFAULT_SETTINGS, undefined, true)).toEqual({ errors: {}, patch: { ratePerSecond: 5000 }, ok: true });
  });
  it("refuses fewer partitions than there are, since Kafka cannot remove partitions", () => {
    const v = { ...toFormValues(DEFAULT_SETTINGS), partitions: "2" };
    expect(validateForm(v, DEFAULT_SETTINGS).errors).toEqual({ partitions: { kind: "shrink", min: 3 } });
  });
  it("types a preset into the form, keeping what it does not set, and applying it sends the preset", () => {
    const typed = { ...toFormValues(DEFAULT_SETTINGS), partitions: "6", aggWindowMs: "20" };
    const v = presetValues(typed, PRESETS.seed);
    expect(v).toMatchObject({ joinWindowMs: "300", watermarkDelayMs: "1800", disorderPercent: "0", partitions: "6", aggWindowMs: "20" });
    const r = validateForm(v, DEFAULT_SETTINGS);
    expect(r.ok).toBe(true);
    expect({ ...DEFAULT_SETTINGS, ...r.patch }).toEqual({ ...withPreset(DEFAULT_SETTINGS, "seed"), partitions: 6, aggWindowMs: 20_000 });
  });
});

describe("every setting in the form", () => {
  const form = readFileSync(path.join(import.meta.dirname, "SettingsForm.tsx"), "utf8");

  it.each(SETTING_KEYS)("%s appears in the settings form", (key) => {
    if ((SETTING_NAMES as readonly string[]).includes(key)) return; // number fields are rendered from SETTING_NAMES
    // Any other kind needs a control of its own: listed in FORM_CONTROLS and present in the form.
    expect(Object.keys(FORM_CONTROLS), `${key} has no number field and no control in the form`).toContain(key);
    expect(form).toContain(`data-testid="setting-${key}"`);
  });

  it("every number field shows its default in form units and reads it back unchanged", () => {
    for (const name of SETTING_NAMES) expect(Number(toFormValues(DEFAULT_SETTINGS)[name]) * fieldScale(name)).toBe(DEFAULT_SETTINGS[name]);
    expect(validateForm(toFormValues(DEFAULT_SETTINGS), DEFAULT_SETTINGS)).toEqual({ errors: {}, patch: {}, ok: true });
  });
});
