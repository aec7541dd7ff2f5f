import { T0, seeded, type ExerciseDef, type ExerciseInput } from "./types";

/** Logins in event-time order; some users fail in bursts, some exactly a minute apart. */
function input(): ExerciseInput[] {
  const rnd = seeded(5);
  const out: ExerciseInput[] = [];
  let t = T0;
  for (let i = 0; i < 150; i++) {
    t += rnd.int(1_000, 8_000);
    const user = `user-${rnd.int(1, 6)}`;
    out.push({ key: user, value: { user, ok: rnd.next() < 0.45 }, eventTime: t });
    if (i % 37 === 5) {
      // Three failures whose first and third are exactly 60 s apart: not "within a minute".
      const u = `user-${rnd.int(7, 8)}`;
      for (const dt of [0, 30_000, 60_000]) out.push({ key: u, value: { user: u, ok: false }, eventTime: t + dt });
      t += 60_000;
    }
  }
  return out;
}

export const failedLogins: ExerciseDef = {
  id: "failed-logins",
  number: 5,
  compare: "multiset",
  watermarkDelayMs: 0,
  hints: 2,
  input,
  starter: `// Each record: key = user, value = { user, ok }, in event-time order. Alert on a failed login (ok: false)
// when it is the third (or later) failed login of that user within a minute: the failures at or after
// eventTime - 60 s + 1 ms, this one included, number 3 or more.
// Emit ctx.emit(user, { failures }) with that number.
const MINUTE = 60_000;

export function process(record, ctx) {
  // your code here
}
`,
  reference: `const MINUTE = 60_000;

export function process(record: any, ctx: any) {
  if (record.value.ok) return;
  const t = record.eventTime;
  const recent = ((ctx.state.get(record.key) as number[] | undefined) ?? []).filter((f) => f > t - MINUTE);
  recent.push(t);
  ctx.state.put(record.key, recent);
  if (recent.length >= 3) ctx.emit(record.key, { failures: recent.length });
}
`,
};
