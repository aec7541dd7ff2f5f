import { T0, seeded, type ExerciseDef, type ExerciseInput } from "./types";

const PAGES = ["/home", "/products", "/cart", "/checkout", "/profile"];

function input(): ExerciseInput[] {
  const rnd = seeded(1);
  const out: ExerciseInput[] = [];
  for (let i = 0; i < 120; i++) {
    const user = `user-${rnd.int(1, 8)}`;
    // Every tenth view lasts exactly one second: the bound of the filter.
    const ms = i % 10 === 3 ? 1000 : rnd.int(100, 5000);
    out.push({ key: user, value: { user, page: rnd.pick(PAGES), ms }, eventTime: T0 + i * 500 });
  }
  return out;
}

export const filterMap: ExerciseDef = {
  id: "filter-map",
  number: 1,
  compare: "multiset",
  watermarkDelayMs: 0,
  hints: 2,
  input,
  starter: `// Each record: key = user, value = { user, page, ms } (how long the page was viewed).
// Keep the views of at least one second; emit (user, { page, seconds }) with whole seconds.
export function process(record, ctx) {
  const view = record.value;
  // your code here
}
`,
  reference: `type View = { user: string; page: string; ms: number };

export function process(record: { key: string; value: View }, ctx: any) {
  const view = record.value;
  if (view.ms < 1000) return;
  ctx.emit(record.key, { page: view.page, seconds: Math.floor(view.ms / 1000) });
}
`,
};
