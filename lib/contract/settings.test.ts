import { describe, expect, it } from "vitest";
import { dictionaries, LANGS } from "../i18n";
import { DEFAULT_SETTINGS, READ_AT_START, SETTING_DEFS, SETTING_KEYS, SETTINGS_LIMITS, Settings, SettingsPatch } from "./settings";

describe("each setting entry", () => {
  it.each(SETTING_KEYS)("%s has its label in every language", (key) => {
    for (const lang of LANGS) expect(dictionaries[lang][SETTING_DEFS[key].label]?.trim(), `${lang} ${key}`).toBeTruthy();
  });

  it.each(SETTING_KEYS)("%s has a default its own schema accepts, within its limits", (key) => {
    const d = SETTING_DEFS[key];
    expect(d.schema.safeParse(d.default).success).toBe(true);
    if (d.kind === "number") {
      expect(d.default).toBeGreaterThanOrEqual(d.min);
      expect(d.default).toBeLessThanOrEqual(d.max);
      if (d.integer) expect(Number.isInteger(d.default)).toBe(true);
    }
  });
});

describe("what is derived from the entries", () => {
  it("the defaults are a complete, valid set of settings", () => {
    expect(Object.keys(DEFAULT_SETTINGS).sort()).toEqual([...SETTING_KEYS].sort());
    expect(Settings.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it("the schema enforces each entry's limits and kind", () => {
    expect(SettingsPatch.safeParse({ partitions: SETTINGS_LIMITS.partitions.max + 1 }).success).toBe(false);
    expect(SettingsPatch.safeParse({ keys: 2.5 }).success).toBe(false);
    expect(SettingsPatch.safeParse({ ratePerSecond: 2.5 }).success).toBe(true);
    expect(SettingsPatch.safeParse({ aggOutputMode: "sometimes" }).success).toBe(false);
    expect(SettingsPatch.safeParse({ nope: 1 }).success).toBe(false);
  });

  it("a worker restarts for exactly the settings whose entries name it", () => {
    expect(READ_AT_START).toEqual({
      join: ["joinWindowMs", "watermarkDelayMs"],
      aggregate: ["aggWindowMs", "aggSlideMs", "aggWatermarkDelayMs", "aggOutputMode"],
    });
  });
});
