import { describe, expect, it } from "vitest";
import { expectedJoinPairsPerSec, JOIN_PAIRS_COMFORT_PER_SEC } from "../pipeline/join-load";
import { DEFAULT_SETTINGS, Settings, SettingsPatch } from "./api";
import { matchingPreset, PRESET_IDS, PRESETS, withPreset } from "./presets";

describe("settings presets", () => {
  it.each(PRESET_IDS)("%s is a valid patch and leads to valid settings from the defaults", (id) => {
    expect(SettingsPatch.safeParse(PRESETS[id]).success).toBe(true);
    expect(Settings.safeParse(withPreset(DEFAULT_SETTINGS, id)).success).toBe(true);
    expect(PRESETS[id]).not.toHaveProperty("partitions");
  });

  it("learn is the defaults, except partitions, which a preset never shrinks", () => {
    expect(withPreset({ ...DEFAULT_SETTINGS, partitions: 12, joinWindowMs: 999 }, "learn")).toEqual({ ...DEFAULT_SETTINGS, partitions: 12 });
  });

  it("the defaults put the join's window, watermark and eviction on screen within a minute", () => {
    expect(DEFAULT_SETTINGS.joinWindowMs).toBe(10_000);
    expect(DEFAULT_SETTINGS.watermarkDelayMs).toBe(15_000);
    // A record is evicted once the watermark passes ts + W: after W + delay of event time.
    expect(DEFAULT_SETTINGS.joinWindowMs + DEFAULT_SETTINGS.watermarkDelayMs).toBeLessThanOrEqual(60_000);
    expect(DEFAULT_SETTINGS.aggWindowMs + DEFAULT_SETTINGS.aggWatermarkDelayMs).toBeLessThanOrEqual(60_000);
    expect(DEFAULT_SETTINGS.disorderPercent).toBeGreaterThan(0);
  });

  it("seed is the seed tutorial's: ±5 min, 30 min delay, 1 record/s, 5 keys, no disorder", () => {
    expect(withPreset(DEFAULT_SETTINGS, "seed")).toMatchObject({
      joinWindowMs: 300_000,
      watermarkDelayMs: 1_800_000,
      ratePerSecond: 1,
      keys: 5,
      disorderPercent: 0,
    });
  });

  it("the load test is fast, orderly, and within what one join worker writes", () => {
    const s = withPreset(DEFAULT_SETTINGS, "loadTest");
    expect(s.ratePerSecond).toBeGreaterThanOrEqual(5000);
    expect(s.disorderPercent).toBe(0);
    expect(expectedJoinPairsPerSec(s)).toBeLessThanOrEqual(JOIN_PAIRS_COMFORT_PER_SEC);
  });

  it("names the preset the settings match, if any", () => {
    expect(matchingPreset(DEFAULT_SETTINGS)).toBe("learn");
    expect(matchingPreset(withPreset(DEFAULT_SETTINGS, "seed"))).toBe("seed");
    expect(matchingPreset(withPreset(DEFAULT_SETTINGS, "loadTest"))).toBe("loadTest");
    expect(matchingPreset({ ...DEFAULT_SETTINGS, keys: 7 })).toBeNull();
  });
});
