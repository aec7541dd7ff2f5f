/** English texts of the exercise book (lib/exercises/book): statements and hints; merged into the English dictionary. */
export const enExerciseBook = {
  "exercise.filter-map.title": "Filter and map",
  "exercise.filter-map.summary": "A stateless transform: keep some records, reshape them.",
  "exercise.filter-map.statement":
    "Each record is a page view: key = user, value = { user, page, ms }, where ms is how long the page was viewed. Keep the views of at least one second and emit (user, { page, seconds }) with the whole seconds. A stateless step like this needs no state and no watermark.",
  "exercise.filter-map.hint1": "Return early from process() for a view shorter than 1000 ms; a view of exactly 1000 ms is kept.",
  "exercise.filter-map.hint2": "Math.floor(ms / 1000) gives the whole seconds; emit with ctx.emit(record.key, { page, seconds }).",

  "exercise.windows.title": "Tumbling and sliding windows",
  "exercise.windows.summary": "Count per page in event-time windows, with a watermark and late records.",
  "exercise.windows.statement":
    "Each record is a page view: key = page. Count views per page in tumbling windows of 10 s and in sliding windows of 10 s that start every 5 s. The watermark is the largest event time read so far minus 2 s. Emit each window once, when the watermark reaches its end, with the key `kind|page|start` and the value { count }. A record is a late record for a window that has already closed (its end ≤ the watermark): it does not count there, but still counts in the windows that are open.",
  "exercise.windows.hint1": "Keep one count per window in ctx.state, under the key `tumbling|/home|1767225600000` for instance.",
  "exercise.windows.hint2":
    "A record at time t is in the tumbling window starting at floor(t / 10 s) × 10 s, and in the sliding windows starting at floor(t / 5 s) × 5 s and 5 s before it.",
  "exercise.windows.hint3":
    "In onWatermark, emit and delete every window whose end is at or before the watermark; in process, skip windows that end at or before ctx.watermark.",

  "exercise.sessions.title": "Session windows",
  "exercise.sessions.summary": "Group each user's activity into sessions separated by a gap.",
  "exercise.sessions.statement":
    "Each record is a user's action: key = user. A session is a run of a user's records whose neighbours in event time are less than 30 s apart; a pause of 30 s or more ends it. Records may come a little out of order, so a record can join two sessions into one. When the watermark passes a session's last record + 30 s, emit it once with the key `user@start` and the value { start, end, count }. A record at or before the watermark is a late record: drop it.",
  "exercise.sessions.hint1": "Keep a list of open sessions per user in ctx.state; each session is { start, end, count }.",
  "exercise.sessions.hint2": "A new record at t joins every open session with start − 30 s < t < end + 30 s: merge them all with it into one.",
  "exercise.sessions.hint3": "In onWatermark, a session with end + 30 s ≤ watermark is closed: emit it and remove it from the list.",

  "exercise.dedup.title": "Streaming de-duplication",
  "exercise.dedup.summary": "Emit each event once, remembering ids only as long as the watermark needs.",
  "exercise.dedup.statement":
    "Each record is an event with an id: key = id. A producer retried some sends, so an id may come again, up to 20 s of event time after the first. Emit each id once, for its first record. Remember an id only until the watermark passes its first event time + 30 s, so that the state does not grow forever. A record at or before the watermark is a late record: drop it.",
  "exercise.dedup.hint1": "ctx.state.get(record.key) tells whether the id was seen; store its first event time.",
  "exercise.dedup.hint2": "In onWatermark, delete every id whose first event time + 30 s is at or before the watermark.",
  "exercise.dedup.hint3": "A retry that comes after its id was forgotten is older than the watermark: the late check drops it.",

  "exercise.failed-logins.title": "Three failed logins within a minute",
  "exercise.failed-logins.summary": "Detect a pattern per user with a little state.",
  "exercise.failed-logins.statement":
    "Each record is a login: key = user, value = { user, ok }, in event-time order. Alert on a failed login (ok: false) when it is the third or later failed login of that user within a minute: the failures after eventTime − 60 s, this one included, number 3 or more. Emit (user, { failures }) with that number.",
  "exercise.failed-logins.hint1": "Keep the event times of each user's recent failures in ctx.state.",
  "exercise.failed-logins.hint2": "Drop the failures at or before t − 60 s: two failures exactly a minute apart are not within a minute.",

  "exercise.join.title": "Join two streams within a time window",
  "exercise.join.summary": "Match orders and payments by key, in either order, and evict what can no longer match.",
  "exercise.join.statement":
    'One topic carries two streams keyed by order id: { stream: "order", orderId, amount } and { stream: "payment", orderId }. For a payment whose event time is from 0 to 60 s after its order\'s, emit (orderId, { amount, paidAfterMs }). Either may arrive first. Keep an order or a payment only while it can still match: drop it once the watermark passes its event time + 60 s. A record at or before the watermark is a late record: drop it.',
  "exercise.join.hint1": "Store each side under its own key, e.g. `order|order-101` and `payment|order-101`.",
  "exercise.join.hint2": "When a record arrives, look up the other side: the pair may be complete now, whichever came first.",
  "exercise.join.hint3": "In onWatermark, delete every stored side whose event time + 60 s is at or before the watermark.",
} as const;
