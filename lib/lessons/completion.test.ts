import { describe, expect, it } from "vitest";
import { detectCompleted } from "@/lib/live/progress";
import { arrival, everything, OPENED, running, stopped, Timeline } from "./fixtures.test-support";
import { LESSONS } from "./index";
import { lessonView } from "./view";

const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;
const done = (id: string, tl: Timeline) => lesson(id).done(lessonView(tl.s, OPENED));

describe("lesson completion counts only what happened after the lesson was opened", () => {
  it("opening any lesson with everything running, after every action was done elsewhere, completes only the broker lesson", () => {
    const completed = LESSONS.filter((l) => l.done(lessonView(arrival().s, OPENED))).map((l) => l.id);
    expect(completed).toEqual(["broker"]);
  });
  it("only the open lesson can complete: the delivery lesson's kill does not tick the chaos lesson", () => {
    const tl = arrival()
      .pipeline(everything({ strategy: running("strategy", { lag: 1 }) }))
      .act("delivery:at-least-once", "kill:strategy");
    // The server-measured group lag rises after the kill and falls back: by itself, that would complete the chaos lesson.
    tl.groupLag("strategy", 40, 3)
      .pipeline(everything({ strategy: running("strategy", { lag: 9, restarts: 1 }) }))
      .act("inout:duplicated", "delivery:exactly-once");
    expect(lesson("chaos").done(lessonView(tl.s, OPENED))).toBe(true);
    const p = detectCompleted(LESSONS, tl.s, { completed: [], current: "delivery" }, { id: "delivery", at: OPENED });
    expect(p.completed).toEqual(["delivery"]);
  });
});

describe("each lesson completes on the learner's action and its visible effect", () => {
  it("broker: the broker is connected", () => {
    expect(done("broker", new Timeline().broker(false))).toBe(false);
    expect(done("broker", new Timeline().broker(true))).toBe(true);
  });
  it("topic: producer A started here and writing", () => {
    const tl = arrival().act("start:producer-A");
    expect(done("topic", arrival().pipeline(everything({ "producer-A": running("producer-A") })))).toBe(false);
    expect(done("topic", tl.pipeline(everything({ "producer-A": running("producer-A", { outTotal: 0 }) })))).toBe(false);
    expect(done("topic", tl.pipeline(everything({ "producer-A": running("producer-A", { outTotal: 3 }) })))).toBe(true);
  });
  it("partition: 20 records of A_input seen after starting producer A here", () => {
    const tl = arrival().seen("A_input", 50).act("start:producer-A").seen("A_input", 12);
    expect(done("partition", tl)).toBe(false);
    expect(done("partition", tl.seen("A_input", 8))).toBe(true);
  });
  it("offset: A_input's table paused while it showed records, then resumed", () => {
    expect(done("offset", new Timeline().act("pause-tail:A_input", "resume-tail:A_input"))).toBe(false);
    const tl = arrival().act("pause-tail:A_input", "pause-tail-rows:A_input");
    expect(done("offset", tl)).toBe(false);
    expect(done("offset", tl.act("resume-tail:A_input"))).toBe(true);
    expect(done("offset", arrival().act("pause-tail:dead_letters", "pause-tail-rows:dead_letters", "resume-tail:dead_letters"))).toBe(false);
    // Rows shown from before the lesson opened are records to read: pausing at once counts.
    expect(done("offset", new Timeline().act("pause-tail:A_input", "pause-tail-rows:A_input", "resume-tail:A_input"))).toBe(true);
  });
  it("producer: the rate raised here, producer A seen writing at least 50/s, then the rate set back to at most 10/s", () => {
    const at = (perSec: number, ratePerSecond: number) => {
      const p = everything({ "producer-A": { ...running("producer-A"), metrics: { ...running("producer-A").metrics!, recordsOutPerSec: perSec } } });
      return { ...p, settings: { ...p.settings, ratePerSecond } };
    };
    const tl = new Timeline().pipeline(at(1, 1)).act("settings:ratePerSecond").pipeline(at(20, 100));
    expect(done("producer", tl.act("settings:ratePerSecond").pipeline(at(20, 1)))).toBe(false);
    tl.pipeline(at(97, 100));
    expect(done("producer", tl)).toBe(false);
    expect(done("producer", tl.act("settings:ratePerSecond").pipeline(at(97, 1)))).toBe(true);
    // Fast before the lesson opened (the busiest arrival), set back here: not seen fast here.
    expect(done("producer", arrival().act("settings:ratePerSecond").pipeline(at(97, 1)))).toBe(false);
  });
  it("consumer group: the transform started here and assigned partitions after that", () => {
    const tl = arrival()
      .act("stop:strategy")
      .pipeline(everything({ strategy: stopped("strategy") }))
      .act("start:strategy");
    expect(done("consumer-group", tl)).toBe(false);
    expect(done("consumer-group", tl.pipeline(everything()))).toBe(true);
  });
  it("rebalance: scaled here, then two instances own partitions", () => {
    const tl = arrival()
      .pipeline(everything({ strategy: running("strategy", { instances: 1 }) }))
      .act("scale:strategy");
    expect(done("rebalance", tl)).toBe(false);
    expect(done("rebalance", tl.pipeline(everything({ strategy: running("strategy", { instances: 2 }) })))).toBe(true);
  });
  it("lag: stopped here, lag seen to rise, started again, lag seen to fall", () => {
    const tl = arrival()
      .act("stop:strategy")
      .pipeline(everything({ strategy: stopped("strategy") }))
      .lag("A_input", 4)
      .lag("A_input", 12);
    expect(done("lag", tl)).toBe(false);
    tl.act("start:strategy").pipeline(everything()).lag("A_input", 15);
    expect(done("lag", tl)).toBe(false);
    expect(done("lag", tl.lag("A_input", 2))).toBe(true);
  });
  it("transform: results in A_output seen after starting the transform here", () => {
    const tl = arrival().act("start:strategy");
    expect(done("transform", tl)).toBe(false);
    expect(done("transform", tl.seen("A_output", 3))).toBe(true);
  });
  it("event time: C and D records on the timeline after starting producer C or D here", () => {
    const tl = arrival().act("start:producer-D").join(4, 0);
    expect(done("event-time", tl)).toBe(false);
    expect(done("event-time", tl.join(0, 2))).toBe(true);
  });
  it("watermark: delay changed here, join running after that, a watermark reported after that", () => {
    const tl = arrival().act("settings:watermarkDelayMs");
    expect(done("watermark", tl.pipeline(everything({ join: running("join", { watermark: 9500 }) })))).toBe(false);
    tl.pipeline(everything({ join: stopped("join") })).pipeline(everything({ join: running("join", { watermark: null }) }));
    expect(done("watermark", tl)).toBe(false);
    expect(done("watermark", tl.pipeline(everything({ join: running("join", { watermark: 12_000 }) })))).toBe(true);
  });
  it("join: a picked pair whose verdict is match, not one whose keys differ", () => {
    expect(done("join", arrival().act("pick-C", "pick-D", "pair:other_key", "pair:too_late"))).toBe(false);
    expect(done("join", arrival().act("pick-C", "pick-D", "pair:match"))).toBe(true);
  });
  it("aggregate: the mode switched here and rows of two modes seen here", () => {
    expect(done("aggregate", arrival().act("agg-rows:update", "agg-rows:append"))).toBe(false);
    const tl = arrival().act("agg-rows:update", "settings:aggOutputMode");
    expect(done("aggregate", tl)).toBe(false);
    expect(done("aggregate", tl.act("agg-rows:append"))).toBe(true);
  });
  it("late data: an injected record seen joined or dropped late, not one still on its way", () => {
    expect(done("late-data", arrival().act("inject-record:D", "inject-record:old"))).toBe(false);
    expect(done("late-data", arrival().act("inject-record:old", "late-fate:late"))).toBe(true);
    expect(done("late-data", arrival().act("inject-record:D", "late-fate:joined"))).toBe(true);
  });
  it("dead letters: the dead_letters table paused here", () => {
    expect(done("dead-letters", arrival().act("pause-tail:A_input"))).toBe(false);
    expect(done("dead-letters", arrival().act("pause-tail:dead_letters"))).toBe(true);
  });
  it("bad record: injected here and its dead letter seen to arrive after that", () => {
    expect(done("bad-record", arrival().act("inject-bad"))).toBe(false);
    expect(done("bad-record", arrival().act("bad-arrived", "inject-bad"))).toBe(false);
    expect(done("bad-record", arrival().act("inject-bad", "bad-arrived"))).toBe(true);
  });
  it("delivery: killed in a weaker mode here, a loss or duplicate reported after the kill, then back to exactly once", () => {
    const weak = (mode: string) => arrival().act(`delivery:${mode}`, "kill:strategy");
    expect(done("delivery", weak("at-most-once").act("inout:lost"))).toBe(false);
    expect(done("delivery", weak("at-most-once").act("inout:lost", "delivery:exactly-once"))).toBe(true);
    expect(done("delivery", weak("at-least-once").act("inout:duplicated", "delivery:exactly-once"))).toBe(true);
  });
  it("delivery: a kill in exactly-once mode, or a report from before the kill, does not count", () => {
    expect(done("delivery", arrival().act("kill:strategy", "inout:lost", "delivery:exactly-once"))).toBe(false);
    expect(done("delivery", arrival().act("delivery:at-most-once", "delivery:exactly-once", "kill:strategy", "inout:lost", "delivery:exactly-once"))).toBe(
      false,
    );
    expect(done("delivery", arrival().act("delivery:at-most-once", "inout:lost", "kill:strategy", "delivery:exactly-once"))).toBe(false);
  });
  it("delivery: not done while the transform still runs in a weaker mode", () => {
    const tl = arrival().act("delivery:at-most-once", "kill:strategy", "inout:lost", "delivery:exactly-once");
    expect(done("delivery", tl.pipeline(everything({ strategy: { ...running("strategy"), deliveryMode: "at-least-once" } })))).toBe(false);
    expect(done("delivery", tl.pipeline(everything({ strategy: { ...running("strategy"), deliveryMode: "exactly-once" } })))).toBe(true);
  });
  it("chaos: killed here, the server-measured group lag rose above its level at the kill and fell back, running", () => {
    const tl = arrival().groupLag("strategy", 2).act("kill:strategy");
    // The killed worker's own metrics die with it: its last report of no lag says nothing.
    tl.pipeline(everything({ strategy: running("strategy", { lag: 0, restarts: 1 }) }));
    expect(done("chaos", tl)).toBe(false);
    tl.groupLag("strategy", 40, 180);
    expect(done("chaos", tl)).toBe(false);
    tl.groupLag("strategy", 90);
    expect(done("chaos", tl)).toBe(false);
    expect(done("chaos", tl.groupLag("strategy", 3))).toBe(true);
    expect(done("chaos", tl.pipeline(everything({ strategy: stopped("strategy") })))).toBe(false);
  });
  it("replay: rewound here and every rewound record seen processed again", () => {
    expect(done("replay", arrival().act("replay:strategy", "start:strategy"))).toBe(false);
    expect(done("replay", arrival().act("replay:strategy", "start:strategy", "replay-rewritten:strategy"))).toBe(true);
  });
  it("segments: the log start seen to move here, then the slow reader resumed and records reported lost after that", () => {
    expect(done("segments", arrival().act("log:resume:earliest", "log-effect:reset-lost"))).toBe(false);
    expect(done("segments", arrival().act("log-effect:log-start-advanced", "log-effect:reset-lost", "log:resume:latest"))).toBe(false);
    expect(done("segments", arrival().act("log-effect:log-start-advanced", "log:resume:latest", "log-effect:reset-lost"))).toBe(true);
  });
  it("compaction: a key deleted here and that same key seen gone after it, with a key seen compacted", () => {
    expect(done("compaction", arrival().act("log-effect:compacted", "log:delete:user-2", "log-effect:tombstone-gone:user-6"))).toBe(false);
    expect(done("compaction", arrival().act("log-effect:tombstone-gone:user-2", "log:delete:user-2", "log-effect:compacted"))).toBe(false);
    expect(done("compaction", arrival().act("log:delete:user-2", "log-effect:tombstone-gone:user-2"))).toBe(false);
    expect(done("compaction", arrival().act("log-effect:compacted", "log:delete:user-2", "log-effect:tombstone-gone:user-2"))).toBe(true);
  });
  it("transactions: held here, the LSO seen stuck, aborted here, then the aborted records seen skipped", () => {
    expect(done("transactions", arrival().act("log:txn-hold", "log:txn-abort", "log-effect:aborted-skipped"))).toBe(false);
    expect(done("transactions", arrival().act("log:txn-hold", "log-effect:lso-stuck", "log-effect:aborted-skipped", "log:txn-abort"))).toBe(false);
    expect(done("transactions", arrival().act("log:txn-hold", "log-effect:lso-stuck", "log:txn-abort", "log-effect:aborted-skipped"))).toBe(true);
  });
  it("replication: a broker taken down here, an ISR shrinking, a start, and every partition in sync again", () => {
    const tl = arrival().cluster([1, 2, 3]).act("cluster-kill:3");
    expect(done("replication", tl.cluster([1, 2, 1], { shrunk: 3 }))).toBe(false);
    // Healing before the start does not count: the learner starts the broker.
    expect(done("replication", tl.cluster([1, 2, 1], { shrunk: 0 }))).toBe(false);
    tl.cluster([1, 2, 1], { shrunk: 2 }).act("cluster-start:3");
    expect(done("replication", tl)).toBe(false);
    expect(done("replication", tl.cluster([1, 2, 1]))).toBe(true);
    expect(done("replication", arrival().cluster([1, 2, 1], { shrunk: 2 }).act("cluster-start:3").cluster([1, 2, 3]))).toBe(false);
  });
  it("leader-election: a leading broker taken down here, then every partition led by another", () => {
    const tl = arrival().cluster([1, 2, 3]).act("cluster-kill:3", "cluster-leader-down:3");
    expect(done("leader-election", tl.cluster([1, 2, -1], { shrunk: 3 }))).toBe(false);
    expect(done("leader-election", tl.cluster([1, 2, 1], { shrunk: 3 }))).toBe(true);
    // A broker that led nothing: no election to watch.
    expect(done("leader-election", arrival().act("cluster-kill:3").cluster([1, 2, 1], { shrunk: 1 }))).toBe(false);
  });
  it("acks: a producer's sends refused for too few in-sync replicas, then succeeding again", () => {
    const refused = {
      ...running("producer-A"),
      metrics: { ...running("producer-A").metrics!, sendError: { type: "NOT_ENOUGH_REPLICAS", message: "m", since: 1 } },
    };
    const other = { ...refused, metrics: { ...refused.metrics, sendError: { type: null, message: "Connection timeout", since: 1 } } };
    const tl = arrival()
      .act("cluster-stop:2", "cluster-stop:3")
      .pipeline(everything({ "producer-A": refused }));
    expect(done("acks", tl)).toBe(false);
    expect(done("acks", tl.pipeline(everything()))).toBe(true);
    expect(
      done(
        "acks",
        arrival()
          .pipeline(everything({ "producer-A": other }))
          .pipeline(everything()),
      ),
    ).toBe(false);
  });
  it("high-watermark: the HW grew while a partition was under-replicated, then a start and all in sync", () => {
    const tl = arrival().act("cluster-stop:3").cluster([1, 2, 1], { shrunk: 3, hw: 100 });
    tl.act("cluster-start:3");
    expect(done("high-watermark", tl.cluster([1, 2, 1]))).toBe(false);
    const grew = arrival().act("cluster-stop:3").cluster([1, 2, 1], { shrunk: 3, hw: 100 }).cluster([1, 2, 1], { shrunk: 3, hw: 140 });
    expect(done("high-watermark", grew)).toBe(false);
    expect(done("high-watermark", grew.act("cluster-start:3").cluster([1, 2, 1], { hw: 150 }))).toBe(true);
  });
});
