import { SETTINGS_LIMITS, type Settings, type SettingsPatch } from "@/lib/contract/api";

/** The settings this form edits (the windowed-aggregation settings are not in it yet). */
export type SettingName = "ratePerSecond" | "keys" | "partitions" | "joinWindowMs" | "watermarkDelayMs";
export const SETTING_NAMES: SettingName[] = ["ratePerSecond", "keys", "partitions", "joinWindowMs", "watermarkDelayMs"];

/** How a setting is typed in the form: times in seconds, the rest as they are. */
export const FIELD_SCALE: Record<SettingName, number> = {
  ratePerSecond: 1,
  keys: 1,
  partitions: 1,
  joinWindowMs: 1000,
  watermarkDelayMs: 1000,
};
const INTEGER: Record<SettingName, boolean> = {
  ratePerSecond: false,
  keys: true,
  partitions: true,
  joinWindowMs: true,
  watermarkDelayMs: true,
};

export type FieldError = { kind: "range"; min: number; max: number } | { kind: "integer" };
export type FormValues = Record<SettingName, string>;

export const toFormValues = (s: Settings): FormValues =>
  Object.fromEntries(SETTING_NAMES.map((n) => [n, String(s[n] / FIELD_SCALE[n])])) as FormValues;

/** The patch of changed settings, or why a field is wrong, with the limits in form units. */
export function validateForm(values: FormValues, current: Settings) {
  const errors: Partial<Record<SettingName, FieldError>> = {};
  const patch: SettingsPatch = {};
  for (const name of SETTING_NAMES) {
    const scale = FIELD_SCALE[name];
    const { min, max } = SETTINGS_LIMITS[name];
    const text = values[name].trim();
    const n = text === "" ? NaN : Number(text);
    const raw = n * scale;
    const value = scale === 1 ? raw : Math.round(raw);
    if (!Number.isFinite(n) || value < min || value > max) {
      errors[name] = { kind: "range", min: min / scale, max: max / scale };
      continue;
    }
    if (INTEGER[name] && !Number.isInteger(scale === 1 ? n : value)) {
      errors[name] = { kind: "integer" };
      continue;
    }
    if (value !== current[name]) patch[name] = value;
  }
  return { errors, patch, ok: Object.keys(errors).length === 0 };
}
