import { z } from "zod";
import type { MessageKey } from "../i18n/en";
import type { ComponentName } from "./api";

/** What a number means, which decides how a form shows it (times in seconds, the rest as they are). */
export type SettingUnit = "recordsPerSecond" | "count" | "percent" | "ms";

/** Where a setting sits: the settings form shows every group, a view's own controls its group only. */
export type SettingGroup = "producers" | "topics" | "join" | "aggregate";

interface Common<D> {
  default: D;
  /** The form label, in lib/i18n (all three languages). */
  label: MessageKey;
  group: SettingGroup;
  /** The worker that reads it only when it starts: applying a change restarts that worker if it runs. */
  restarts?: ComponentName;
}

const number = <const C extends Common<number> & { min: number; max: number; integer: boolean; unit: SettingUnit }>(c: C) => {
  const base = z.number().min(c.min).max(c.max);
  return { kind: "number" as const, ...c, schema: c.integer ? base.int() : base };
};
const choice = <const O extends readonly [string, ...string[]], const C extends Common<O[number]>>(options: O, c: C) => ({
  kind: "choice" as const,
  options,
  ...c,
  schema: z.enum(options),
});
const flag = <const C extends Common<boolean>>(c: C) => ({ kind: "flag" as const, ...c, schema: z.boolean() });

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
export const AGG_OUTPUT_MODES = ["append", "update", "complete"] as const;
/** How many replicas must have a producer's write before the leader answers: none, the leader, or every in-sync replica. */
export const PRODUCER_ACKS = ["all", "1", "0"] as const;

/**
 * Every setting, once: its limits, its default, its label, its unit, which worker a change restarts,
 * and its group. The settings schema, DEFAULT_SETTINGS, READ_AT_START and the form's fields are
 * derived from here, so a new setting is one entry here plus its label in the dictionaries. The
 * order is the settings form's.
 *
 * The defaults are the learning defaults: every time a lesson names (the join's window band, the
 * watermark, eviction, late drops, the aggregation's windows) shows on screen within a minute of
 * Start. The seed tutorial's values are the "seed" preset in ./presets.ts.
 */
export const SETTING_DEFS = {
  ratePerSecond: number({ min: 0.1, max: 20000, integer: false, unit: "recordsPerSecond", default: 1, label: "settings.ratePerSecond", group: "producers" }),
  /** Allows rates above NORMAL_RATE_MAX: the learner accepts that workers may fall behind. */
  loadTest: flag({ default: false, label: "settings.loadTest", group: "producers" }),
  // 8, not the seed's 5: user-1…user-5 all hash (murmur2) to partitions 1 and 2 of a 3-partition topic,
  // leaving partition 0 empty; user-8 is the first key that lands in partition 0.
  keys: number({ min: 1, max: 100000, integer: true, unit: "count", default: 8, label: "settings.keys", group: "producers" }),
  /** Share of produced records stamped with an older event time (see lib/pipeline/producer-messages.ts). */
  disorderPercent: number({ min: 0, max: 100, integer: false, unit: "percent", default: 5, label: "settings.disorderPercent", group: "producers" }),
  /**
   * The input producers' acks, applied live (the cluster experiment). "all" is the idempotent producer the
   * pipeline's exactly-once relies on; "1" and "0" use a plain producer, whose retries may duplicate.
   */
  acks: choice(PRODUCER_ACKS, { default: "all", label: "settings.acks", group: "producers" }),
  partitions: number({ min: 1, max: 64, integer: true, unit: "count", default: 3, label: "settings.partitions", group: "topics" }),
  joinWindowMs: number({ min: 1, max: DAY, integer: true, unit: "ms", default: 10_000, label: "settings.joinWindowMs", group: "join", restarts: "join" }),
  watermarkDelayMs: number({
    min: 0,
    max: DAY,
    integer: true,
    unit: "ms",
    default: 15_000,
    label: "settings.watermarkDelayMs",
    group: "join",
    restarts: "join",
  }),
  aggWindowMs: number({
    min: 1000,
    max: HOUR,
    integer: true,
    unit: "ms",
    default: 10_000,
    label: "settings.aggWindowMs",
    group: "aggregate",
    restarts: "aggregate",
  }),
  aggSlideMs: number({
    min: 1000,
    max: HOUR,
    integer: true,
    unit: "ms",
    default: 10_000,
    label: "settings.aggSlideMs",
    group: "aggregate",
    restarts: "aggregate",
  }),
  aggWatermarkDelayMs: number({
    min: 0,
    max: HOUR,
    integer: true,
    unit: "ms",
    default: 5000,
    label: "settings.aggWatermarkDelayMs",
    group: "aggregate",
    restarts: "aggregate",
  }),
  aggOutputMode: choice(AGG_OUTPUT_MODES, { default: "update", label: "settings.aggOutputMode", group: "aggregate", restarts: "aggregate" }),
};

type Defs = typeof SETTING_DEFS;
export type SettingKey = keyof Defs;
export type SettingDef = Defs[SettingKey];
export const SETTING_KEYS = Object.keys(SETTING_DEFS) as SettingKey[];

const mapDefs = <T>(f: (d: SettingDef, k: SettingKey) => T) => Object.fromEntries(SETTING_KEYS.map((k) => [k, f(SETTING_DEFS[k], k)]));

export const Settings = z.object(mapDefs((d) => d.schema) as { [K in SettingKey]: Defs[K]["schema"] });
export type Settings = z.infer<typeof Settings>;
export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = mapDefs((d) => d.default) as Settings;

/** The numeric settings. */
export type NumericSetting = { [K in SettingKey]: Defs[K]["kind"] extends "number" ? K : never }[SettingKey];
export const NUMERIC_SETTINGS = SETTING_KEYS.filter((k): k is NumericSetting => SETTING_DEFS[k].kind === "number");

export const SETTINGS_LIMITS = Object.fromEntries(NUMERIC_SETTINGS.map((k) => [k, { min: SETTING_DEFS[k].min, max: SETTING_DEFS[k].max }])) as {
  [K in NumericSetting]: { min: number; max: number };
};

/**
 * Settings a worker reads only when it starts (its state is built with them): applying a change
 * restarts the running worker, stopped gracefully and started again with the new value.
 */
export type RestartingWorker = NonNullable<{ [K in SettingKey]: Defs[K] extends { restarts: infer W } ? W : never }[SettingKey]>;
export const READ_AT_START = SETTING_KEYS.reduce(
  (acc, k) => {
    const w = (SETTING_DEFS[k] as { restarts?: RestartingWorker }).restarts;
    if (w) acc[w] = [...(acc[w] ?? []), k];
    return acc;
  },
  {} as Record<RestartingWorker, SettingKey[]>,
);
export const RESTARTING_WORKERS = Object.keys(READ_AT_START) as RestartingWorker[];

/** The workers whose read-at-start settings differ between `a` and `b`. */
export const workersToRestart = (a: Settings, b: Settings): RestartingWorker[] => RESTARTING_WORKERS.filter((w) => READ_AT_START[w].some((k) => a[k] !== b[k]));
