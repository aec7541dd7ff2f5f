import { T0, seeded, type ExerciseDef, type ExerciseInput } from "./types";

const GAP = 30_000;

/** Bursts of activity per user with pauses; some pauses exactly one gap long, a few records slightly out of order. */
function input(): ExerciseInput[] {
  const rnd = seeded(3);
  const events: ExerciseInput[] = [];
  for (let u = 1; u <= 5; u++) {
    const user = `user-${u}`;
    let t = T0 + rnd.int(0, 20_000);
    for (let i = 0; i < 30; i++) {
      const roll = rnd.next();
      t += roll < 0.15 ? GAP : roll < 0.3 ? rnd.int(40_000, 90_000) : rnd.int(1_000, 12_000);
      events.push({ key: user, value: { user, action: rnd.pick(["view", "click", "cart"]) }, eventTime: t });
    }
  }
  // Arrival order: by event time, with a few swapped neighbours (disorder within the watermark delay).
  events.sort((a, b) => a.eventTime - b.eventTime);
  for (let i = 1; i < events.length; i++) {
    const [a, b] = [events[i - 1]!, events[i]!];
    if (rnd.next() < 0.15 && b.eventTime - a.eventTime < 4_000) [events[i - 1], events[i]] = [b, a];
  }
  return events;
}

export const sessions: ExerciseDef = {
  id: "sessions",
  number: 3,
  compare: "final",
  watermarkDelayMs: 5000,
  hints: 3,
  input,
  starter: `// Each record: key = user, value = { user, action }. A session is a user's run of records
// whose neighbours (in event time) are less than 30 s apart; a pause of 30 s or more ends it.
// Records may come a little out of order. When the watermark passes a session's last record + 30 s,
// emit it once: ctx.emit(\`\${user}@\${start}\`, { start, end, count }) (start, end: its first and last event time).
// A record at or before the watermark is late: drop it.
const GAP = 30_000;

export function process(record, ctx) {
  // your code here
}

export function onWatermark(watermark, ctx) {
  // your code here
}
`,
  reference: `const GAP = 30_000;
type Session = { start: number; end: number; count: number };

export function process(record: any, ctx: any) {
  const t = record.eventTime;
  if (t <= ctx.watermark) return;
  const key = "open|" + record.key;
  const open = (ctx.state.get(key) as Session[] | undefined) ?? [];
  // The new record joins every open session it is less than a gap away from; they become one.
  const merged: Session = { start: t, end: t, count: 1 };
  const rest: Session[] = [];
  for (const s of open) {
    if (t > s.start - GAP && t < s.end + GAP) {
      merged.start = Math.min(merged.start, s.start);
      merged.end = Math.max(merged.end, s.end);
      merged.count += s.count;
    } else rest.push(s);
  }
  ctx.state.put(key, [...rest, merged].sort((a, b) => a.start - b.start));
}

export function onWatermark(watermark: number, ctx: any) {
  for (const key of ctx.state.keys("open|")) {
    const user = key.slice("open|".length);
    const open = ctx.state.get(key) as Session[];
    const still = open.filter((s) => s.end + GAP > watermark);
    for (const s of open.filter((s) => s.end + GAP <= watermark)) ctx.emit(\`\${user}@\${s.start}\`, s, s.end);
    if (still.length) ctx.state.put(key, still);
    else ctx.state.delete(key);
  }
}
`,
};
