import { T0, seeded, type ExerciseDef, type ExerciseInput } from "./types";

/** Orders and payments on one topic, keyed by order id; a payment may come before its order, late, or never. */
function input(): ExerciseInput[] {
  const rnd = seeded(6);
  const out: ExerciseInput[] = [];
  let t = T0;
  for (let i = 0; i < 70; i++) {
    t += rnd.int(500, 4_000);
    const orderId = `order-${100 + i}`;
    const order = { key: orderId, value: { stream: "order", orderId, amount: rnd.int(5, 300) }, eventTime: t };
    const roll = rnd.next();
    const paidAfter = roll < 0.15 ? rnd.int(61_000, 90_000) : rnd.int(0, 59_000);
    const payment = { key: orderId, value: { stream: "payment", orderId }, eventTime: t + paidAfter };
    if (roll > 0.9) out.push(order);
    else if (roll > 0.7) out.push(payment, order);
    else out.push(order, payment);
  }
  // Arrival in roughly event-time order, each pair as arranged above.
  return out
    .map((r, i) => ({ r, i }))
    .sort((a, b) => Math.floor(a.r.eventTime / 20_000) - Math.floor(b.r.eventTime / 20_000) || a.i - b.i)
    .map((x) => x.r);
}

export const join: ExerciseDef = {
  id: "join",
  number: 6,
  compare: "multiset",
  watermarkDelayMs: 30_000,
  hints: 3,
  input,
  starter: `// One topic carries two streams, keyed by order id:
//   { stream: "order", orderId, amount } and { stream: "payment", orderId }.
// Join them: for a payment whose event time is within 60 s after its order's (0 ≤ payment − order ≤ 60 s),
// emit ctx.emit(orderId, { amount, paidAfterMs }). Either may arrive first.
// Keep an order or payment only while it can still match (drop it once the watermark passes its time + 60 s).
// A record at or before the watermark is late: drop it.
const WINDOW = 60_000;

export function process(record, ctx) {
  // your code here
}

export function onWatermark(watermark, ctx) {
  // your code here
}
`,
  reference: `const WINDOW = 60_000;
type Side = { eventTime: number; amount?: number };

export function process(record: any, ctx: any) {
  const t = record.eventTime;
  if (t <= ctx.watermark) return;
  const id = record.key;
  if (record.value.stream === "order") {
    ctx.state.put("order|" + id, { eventTime: t, amount: record.value.amount });
    const payment = ctx.state.get("payment|" + id) as Side | undefined;
    if (payment && payment.eventTime - t >= 0 && payment.eventTime - t <= WINDOW) ctx.emit(id, { amount: record.value.amount, paidAfterMs: payment.eventTime - t }, payment.eventTime);
  } else {
    ctx.state.put("payment|" + id, { eventTime: t });
    const order = ctx.state.get("order|" + id) as Side | undefined;
    if (order && t - order.eventTime >= 0 && t - order.eventTime <= WINDOW) ctx.emit(id, { amount: order.amount, paidAfterMs: t - order.eventTime });
  }
}

export function onWatermark(watermark: number, ctx: any) {
  for (const key of ctx.state.keys()) {
    const side = ctx.state.get(key) as Side;
    if (side.eventTime + WINDOW <= watermark) ctx.state.delete(key);
  }
}
`,
};
