import fs from "node:fs";
import path from "node:path";
import { DEFAULT_SETTINGS, NORMAL_RATE_MAX, SETTINGS_LIMITS, Settings, settingsProblem, type SettingsPatch } from "@/lib/contract/api";
import { joinSustainableRate } from "@/lib/pipeline/join-load";

/** The lab's settings, kept across restarts in the data folder. A corrupt file falls back to defaults. */
export function createSettingsStore(dataDir: string | null) {
  const file = dataDir ? path.join(dataDir, "settings.json") : null;
  let current: Settings = load(file);
  return {
    get: () => current,
    /** Back to the defaults (Reset lab). */
    reset(): Settings {
      if (file) fs.rmSync(file, { force: true });
      current = DEFAULT_SETTINGS;
      return current;
    },
    apply(patch: SettingsPatch): Settings {
      current = Settings.parse({ ...current, ...patch });
      if (file) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(current, null, 2));
      }
      return current;
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;

function load(file: string | null): Settings {
  if (!file || !fs.existsSync(file)) return DEFAULT_SETTINGS;
  try {
    // Defaults first: a file saved before a setting existed still loads, with that setting at its default.
    const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(JSON.parse(fs.readFileSync(file, "utf8")) as object) });
    if (!parsed.success) return DEFAULT_SETTINGS;
    return sustainable(parsed.data);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/**
 * Saved before rates were capped, or before the join's cost was checked: start at a rate the pipeline
 * sustains rather than as a load test nobody chose; if the join's state alone is too large, at the defaults.
 */
export function sustainable(s: Settings): Settings {
  if (!settingsProblem(s)) return s;
  const lowered = { ...s, ratePerSecond: Math.max(SETTINGS_LIMITS.ratePerSecond.min, Math.floor((joinSustainableRate(s) ?? NORMAL_RATE_MAX) * 10) / 10) };
  return settingsProblem(lowered) ? { ...DEFAULT_SETTINGS, partitions: s.partitions } : lowered;
}
