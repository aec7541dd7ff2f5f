import { NORMAL_RATE_MAX, type Settings, type SettingsPatch } from "@/lib/contract/api";
import { AGG_OUTPUT_MODES, NUMERIC_SETTINGS, SETTING_DEFS, SETTINGS_LIMITS, type NumericSetting } from "@/lib/contract/settings";
import { maxOpenWindows, MAX_OPEN_WINDOWS } from "@/lib/pipeline/window-agg";

/** The numeric settings a form edits, in the form's order (the output mode and the load test are handled beside them). */
export type SettingName = NumericSetting;
export const SETTING_NAMES: readonly SettingName[] = NUMERIC_SETTINGS;
/** The windowed aggregation's numeric settings. */
export const AGG_SETTING_NAMES: readonly SettingName[] = NUMERIC_SETTINGS.filter((n) => SETTING_DEFS[n].group === "aggregate");
export type AggOutputMode = Settings["aggOutputMode"];
export const OUTPUT_MODES: readonly AggOutputMode[] = AGG_OUTPUT_MODES;

/**
 * The settings the form shows with a control of their own rather than a number field. A new flag or
 * choice setting needs its control here and in SettingsForm (the settings test says so).
 */
export const FORM_CONTROLS = { loadTest: "checkbox", aggOutputMode: "select", acks: "select" } as const;
export type ProducerAcks = Settings["acks"];

/** How a setting is typed in the form: times in seconds, the rest as they are. */
export const fieldScale = (name: SettingName): number => (SETTING_DEFS[name].unit === "ms" ? 1000 : 1);

export type FieldError =
  | { kind: "range"; min: number; max: number }
  | { kind: "integer" }
  | { kind: "slide" }
  | { kind: "windows"; count: number; max: number }
  /** A rate above the normal-use cap without the load-test choice. */
  | { kind: "overCap"; max: number }
  /** Fewer partitions than the topics have: Kafka cannot remove partitions. */
  | { kind: "shrink"; min: number };
export type FormValues = Record<SettingName, string>;

export const toFormValues = (s: Settings): FormValues => Object.fromEntries(SETTING_NAMES.map((n) => [n, String(s[n] / fieldScale(n))])) as FormValues;

/** The form's values with a preset's settings typed in (the ones it sets; the others as they were). */
export const presetValues = (values: FormValues, preset: SettingsPatch): FormValues =>
  Object.fromEntries(SETTING_NAMES.map((n) => [n, preset[n] === undefined ? values[n] : String(preset[n] / fieldScale(n))])) as FormValues;

/** The patch of changed settings among `names`, or why a field is wrong, with the limits in form units. */
export function validateForm(values: FormValues, current: Settings, names: readonly SettingName[] = SETTING_NAMES, loadTest = current.loadTest) {
  const errors: Partial<Record<SettingName, FieldError>> = {};
  const patch: SettingsPatch = {};
  const parsed: Partial<Record<SettingName, number>> = {};
  for (const name of names) {
    const scale = fieldScale(name);
    const { min, max } = SETTINGS_LIMITS[name];
    const text = values[name].trim();
    const n = text === "" ? NaN : Number(text);
    const raw = n * scale;
    const value = scale === 1 ? raw : Math.round(raw);
    if (!Number.isFinite(n) || value < min || value > max) {
      errors[name] = { kind: "range", min: min / scale, max: max / scale };
      continue;
    }
    if (SETTING_DEFS[name].integer && !Number.isInteger(scale === 1 ? n : value)) {
      errors[name] = { kind: "integer" };
      continue;
    }
    parsed[name] = value;
    if (value !== current[name]) patch[name] = value;
  }
  if (parsed.ratePerSecond !== undefined && parsed.ratePerSecond > NORMAL_RATE_MAX && !loadTest)
    errors.ratePerSecond = { kind: "overCap", max: NORMAL_RATE_MAX };
  if (parsed.partitions !== undefined && parsed.partitions < current.partitions) errors.partitions = { kind: "shrink", min: current.partitions };
  // The aggregation's settings must work together: the worker refuses them otherwise.
  if (names.includes("aggSlideMs") && parsed.aggSlideMs !== undefined && parsed.aggWindowMs !== undefined && parsed.aggWatermarkDelayMs !== undefined) {
    const c = { sizeMs: parsed.aggWindowMs, slideMs: parsed.aggSlideMs, watermarkDelayMs: parsed.aggWatermarkDelayMs };
    if (c.slideMs > c.sizeMs) errors.aggSlideMs = { kind: "slide" };
    else if (maxOpenWindows(c) > MAX_OPEN_WINDOWS) errors.aggSlideMs = { kind: "windows", count: maxOpenWindows(c), max: MAX_OPEN_WINDOWS };
  }
  return { errors, patch, ok: Object.keys(errors).length === 0 };
}

type Translate = (
  key: "settings.integer" | "settings.slide" | "settings.windows" | "settings.range" | "settings.overCap" | "settings.shrink",
  params?: Record<string, number>,
) => string;

/** A field's problem, in the learner's language. */
export function describeError(t: Translate, e: FieldError): string {
  if (e.kind === "integer") return t("settings.integer");
  if (e.kind === "slide") return t("settings.slide");
  if (e.kind === "windows") return t("settings.windows", { count: e.count, max: e.max });
  if (e.kind === "overCap") return t("settings.overCap", { max: e.max });
  if (e.kind === "shrink") return t("settings.shrink", { min: e.min });
  return t("settings.range", { min: e.min, max: e.max });
}
