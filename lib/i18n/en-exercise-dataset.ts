/** English texts of exercise 7 (lib/exercises/book/gender-dashboard.ts); merged into the English dictionary. */
export const enExerciseDataset = {
  "exercise.gender-dashboard.title": "Seed 003's dashboard: actions per gender per day",
  "exercise.gender-dashboard.summary": "Count the user-behaviour log's records per gender in daily event-time windows, as the live dashboard of seed 003 does.",
  "exercise.gender-dashboard.statement":
    'The input is the generated user-behaviour log (the format of Taobao\'s user_log.csv), replayed as the Datasets page replays it: the week up to Double 11. Each record\'s key is the buyer\'s gender ("0" female, "1" male, "2" unknown), its value the whole row as text (user_id, item_id, cat_id, merchant_id, brand_id, month, day, action, age_range, gender, province), and its event time midnight UTC of its month and day in 2015. Count the records per gender in tumbling event-time windows of one day. When the watermark reaches a window\'s end, emit it once with key "<gender>|<window start>" and value { windowStart, gender, count }, gender as a number. The chart beside the editor draws your output: one line per gender, one point per day.',
  "exercise.gender-dashboard.hint1":
    "A record's window starts at Math.floor(record.eventTime / DAY) * DAY: use the event time, not the day column alone (the 11th of May and of November are different days).",
  "exercise.gender-dashboard.hint2": "Keep one count per window and gender in ctx.state, under the key you will emit, e.g. `${gender}|${start}`.",
  "exercise.gender-dashboard.hint3":
    "In onWatermark, emit every window whose end (start + DAY) is at or before the watermark, then delete its state: at the end of the input the watermark jumps past every window.",
};
