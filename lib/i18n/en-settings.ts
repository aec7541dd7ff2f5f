/** English strings of the settings' disorder and presets; merged into the English dictionary. */
export const enSettings = {
  "settings.disorderPercent": "Disorder (% of records with an older event time)",
  "settings.disorderHint":
    "Of those, 80 % are {onFrom} … {onTo} old: out of order but above the join's watermark, so they still join. 20 % are {lateFrom} … {lateTo} old: beyond the watermark delay, so the join drops them as late.",
  "settings.presets": "Presets",
  "settings.preset.learn": "Learn",
  "settings.preset.seed": "Seed tutorial",
  "settings.preset.loadTest": "Load test",
  "settings.presetNote.learn":
    "The lab's defaults: a ±{window} join window, a {delay} watermark delay and {disorder} % disorder, so the window bands, the watermark, eviction and late records are all on screen within a minute of Start.",
  "settings.presetNote.seed":
    "The seed tutorial's settings: a ±{window} window, a {delay} watermark delay, {rate} record/s and {keys} keys, each record stamped with the time it is made. What changes: the watermark sits far off screen to the left of the join view, nothing is evicted for about {evict} (window + delay), and no record is late unless you inject one.",
  "settings.presetNote.loadTest":
    "A load test: {rate} records/s per producer over {keys} keys, a ±{window} window and no disorder. Watch records/s, lag and state size rather than single records.",
  "settings.presetFilled": "Loaded into the form: press Apply to use it.",
} as const;
