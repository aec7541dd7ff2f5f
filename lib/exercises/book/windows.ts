import { T0, seeded, type ExerciseDef, type ExerciseInput } from "./types";

const PAGES = ["/home", "/products", "/cart"];

/** Mostly in order; some records a little out of order (within the watermark delay) and some late (beyond it). */
function input(): ExerciseInput[] {
  const rnd = seeded(2);
  const out: ExerciseInput[] = [];
  let t = T0;
  for (let i = 0; i < 160; i++) {
    t += rnd.int(100, 900);
    const roll = rnd.next();
    const eventTime = roll < 0.1 ? t - rnd.int(5_000, 14_000) : roll < 0.25 ? t - rnd.int(200, 1_900) : t;
    const page = rnd.pick(PAGES);
    out.push({ key: page, value: { page }, eventTime });
  }
  return out;
}

export const windows: ExerciseDef = {
  id: "windows",
  number: 2,
  compare: "final",
  watermarkDelayMs: 2000,
  hints: 3,
  input,
  starter: `// Each record: key = page, value = { page }. Count views per page in
//  - tumbling windows of 10 s:            [0, 10 s), [10 s, 20 s), …
//  - sliding windows of 10 s every 5 s:   [0, 10 s), [5 s, 15 s), …
// Emit each window once, when the watermark reaches its end:
//   ctx.emit(\`\${kind}|\${page}|\${start}\`, { count }) with kind "tumbling" or "sliding".
// A record is late for a window that has already closed (its end <= ctx.watermark): it does not count there.
const SIZE = 10_000;
const SLIDE = 5_000;

export function process(record, ctx) {
  // your code here
}

export function onWatermark(watermark, ctx) {
  // your code here
}
`,
  reference: `const SIZE = 10_000;
const SLIDE = 5_000;

function add(ctx: any, kind: string, page: string, start: number) {
  if (start + SIZE <= ctx.watermark) return; // this window has closed: the record is late for it
  const key = \`\${kind}|\${page}|\${start}\`;
  ctx.state.put(key, ((ctx.state.get(key) as number | undefined) ?? 0) + 1);
}

export function process(record: any, ctx: any) {
  const t = record.eventTime;
  const page = record.value.page;
  add(ctx, "tumbling", page, Math.floor(t / SIZE) * SIZE);
  for (let start = Math.floor(t / SLIDE) * SLIDE; start > t - SIZE; start -= SLIDE) add(ctx, "sliding", page, start);
}

export function onWatermark(watermark: number, ctx: any) {
  for (const key of ctx.state.keys()) {
    const end = Number(key.split("|")[2]) + SIZE;
    if (end > watermark) continue;
    ctx.emit(key, { count: ctx.state.get(key) }, end - 1);
    ctx.state.delete(key);
  }
}
`,
};
