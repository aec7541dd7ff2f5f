import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from "./api";

/**
 * Named sets of settings a learner can load into the settings form (and then apply). A preset
 * sets only what it is about; partitions are never part of one (topics can only grow).
 */
export const PRESET_IDS = ["learn", "seed", "loadTest"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

const { partitions: _, ...learn } = DEFAULT_SETTINGS;

export const PRESETS: Record<PresetId, SettingsPatch> = {
  /** The defaults: every concept a lesson names is on screen within a minute of Start. */
  learn,
  /** The seed tutorial's producer and join: ±5 min window, 30 min delay, 1 record/s, 5 keys, ts = now. */
  seed: {
    ratePerSecond: 1,
    loadTest: false,
    keys: 5,
    joinWindowMs: 5 * 60_000,
    watermarkDelayMs: 30 * 60_000,
    disorderPercent: 0,
  },
  /**
   * A fast pipeline: 5,000 records/s per producer (above the normal-use cap, so it is a load test), no disorder. Many keys and a ±1 s window keep the
   * join at about 5,000 pairs/s (rate² × 2W ÷ keys), within what one join worker writes.
   */
  loadTest: {
    ratePerSecond: 5000,
    loadTest: true,
    keys: 10_000,
    joinWindowMs: 1000,
    watermarkDelayMs: 5000,
    disorderPercent: 0,
  },
};

/** The settings a preset leads to from `current`. */
export const withPreset = (current: Settings, id: PresetId): Settings => ({ ...current, ...PRESETS[id] });

/** The first preset whose every value `s` already has, or null. */
export function matchingPreset(s: Settings): PresetId | null {
  return PRESET_IDS.find((id) => Object.entries(PRESETS[id]).every(([k, v]) => s[k as keyof Settings] === v)) ?? null;
}
