import { T0, seeded, type ExerciseDef, type ExerciseInput } from "./types";

const HORIZON = 30_000;

/** Events with ids; about a third are sent again (a retry) a few seconds of event time later, some arriving late. */
function input(): ExerciseInput[] {
  const rnd = seeded(4);
  const out: ExerciseInput[] = [];
  const resend: ExerciseInput[] = [];
  let t = T0;
  for (let i = 0; i < 140; i++) {
    t += rnd.int(200, 1_500);
    const id = `evt-${1000 + i}`;
    const rec = { key: id, value: { id, amount: rnd.int(1, 500) }, eventTime: t };
    out.push(rec);
    if (rnd.next() < 0.35) resend.push({ ...rec, eventTime: t + rnd.int(1_000, 20_000) });
    // Retries arrive in event-time order of their own, mixed into the stream.
    while (resend.length && resend[0]!.eventTime <= t) out.push(resend.shift()!);
  }
  out.push(...resend);
  return out;
}

export const dedup: ExerciseDef = {
  id: "dedup",
  number: 4,
  compare: "multiset",
  watermarkDelayMs: 3000,
  hints: 3,
  input,
  starter: `// Each record: key = event id, value = { id, amount }. A producer retried some sends, so an id may
// come again, up to 20 s of event time after the first. Emit each id once: ctx.emit(id, value) for its
// first record. Remember an id only until the watermark passes its first event time + 30 s (state must
// not grow forever). A record at or before the watermark is late: drop it.
const HORIZON = 30_000;

export function process(record, ctx) {
  // your code here
}

export function onWatermark(watermark, ctx) {
  // your code here
}
`,
  reference: `const HORIZON = 30_000;

export function process(record: any, ctx: any) {
  if (record.eventTime <= ctx.watermark) return;
  if (ctx.state.get(record.key) !== undefined) return;
  ctx.state.put(record.key, record.eventTime);
  ctx.emit(record.key, record.value);
}

export function onWatermark(watermark: number, ctx: any) {
  for (const id of ctx.state.keys()) if ((ctx.state.get(id) as number) + HORIZON <= watermark) ctx.state.delete(id);
}
`,
};

export { HORIZON as DEDUP_HORIZON_MS };
