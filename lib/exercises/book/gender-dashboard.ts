import type { ColumnMapping } from "@/lib/contract/datasets";
import { linesOf } from "@/lib/datasets/lines";
import { mapRow } from "@/lib/datasets/mapping";
import { createRowReader } from "@/lib/datasets/rows";
import { generateUserLog, SAMPLE_YEAR } from "@/lib/datasets/sample";
import type { Json } from "../api";
import type { ExerciseDef, ExerciseInput } from "./types";

/**
 * The mapping of exercise 7's input, as the dataset replay uses it (POST /api/datasets/replay/start):
 * key = gender, as seed 003's producer wrote each row's gender to its own topic; event time = midnight
 * UTC of the row's month and day.
 */
export const GENDER_DASHBOARD_MAPPING: ColumnMapping = { key: "gender", time: { kind: "monthDay", month: "month", day: "day", year: SAMPLE_YEAR } };

/**
 * The week up to Double 11 (11-05 to 11-11, about 1,000 rows) of the generated user_log sample
 * (lib/datasets/sample.ts), every row read and mapped as a replay of the sample reads and maps it.
 * A week, not the six months: seven windows per gender are enough to grade, and the run stays short.
 */
export const GENDER_DASHBOARD_FROM = Date.UTC(SAMPLE_YEAR, 10, 5);

async function readInput(): Promise<ExerciseInput[]> {
  const read = createRowReader("csv");
  const out: ExerciseInput[] = [];
  for await (const line of linesOf([generateUserLog()])) {
    const row = read(line);
    if (row?.kind !== "row") continue;
    const mapped = mapRow(row.line, row.fields, GENDER_DASHBOARD_MAPPING);
    if (mapped.ok && mapped.ts! >= GENDER_DASHBOARD_FROM) out.push({ key: mapped.key, value: row.fields as Json, eventTime: mapped.ts! });
  }
  return out;
}

// Reading the sample takes a moment (csv-parse per line): once per process.
let cached: Promise<ExerciseInput[]> | null = null;
const input = () => (cached ??= readInput());

export const genderDashboard: ExerciseDef = {
  id: "gender-dashboard",
  number: 7,
  compare: "final",
  watermarkDelayMs: 0,
  hints: 3,
  input,
  starter: `// Seed 003's dashboard: how many actions per gender each day, from the user-behaviour log.
// Each record: key = gender ("0" female, "1" male, "2" unknown),
//   value = the row of user_log.csv: { user_id, item_id, cat_id, merchant_id, brand_id,
//                                      month, day, action, age_range, gender, province } (all text),
//   eventTime = midnight UTC of its month and day (2015).
// Count records per gender in tumbling event-time windows of one day. When the watermark reaches
// a window's end, emit it once:
//   ctx.emit(\`\${gender}|\${windowStart}\`, { windowStart, gender, count })   (gender as a number 0, 1, 2)
const DAY = 86_400_000;

export function process(record, ctx) {
  // your code here
}

export function onWatermark(watermark, ctx) {
  // your code here
}
`,
  reference: `const DAY = 86_400_000;

export function process(record: any, ctx: any) {
  const start = Math.floor(record.eventTime / DAY) * DAY;
  const key = \`\${Number(record.value.gender)}|\${start}\`;
  ctx.state.put(key, ((ctx.state.get(key) as number | undefined) ?? 0) + 1);
}

export function onWatermark(watermark: number, ctx: any) {
  for (const key of ctx.state.keys()) {
    const [gender, start] = key.split("|").map(Number);
    if (start + DAY > watermark) continue;
    ctx.emit(key, { windowStart: start, gender, count: ctx.state.get(key) }, start + DAY - 1);
    ctx.state.delete(key);
  }
}
`,
};
