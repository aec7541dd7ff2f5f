import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type ComponentView, type PipelineView } from "@/lib/contract/api";
import { LANGS } from "@/lib/i18n";
import { emptySnapshot, withAction, withLag, withSeen, type LiveSnapshot } from "@/lib/live/snapshot";
import { LESSONS } from "./index";

const metrics = (over: Partial<NonNullable<ComponentView["metrics"]>> = {}): NonNullable<ComponentView["metrics"]> => ({
  at: 1, recordsInPerSec: 0, recordsOutPerSec: 0, recordsInTotal: 0, recordsOutTotal: 0, deadLettered: 0,
  latencyMs: null, lag: [], assigned: [], join: null, ...over,
});
const comp = (name: ComponentView["name"], status: ComponentView["status"], m: ComponentView["metrics"] = null): ComponentView => ({
  name, kind: name.startsWith("producer") ? "producer" : "worker", status, pid: 1, restarts: 0, reason: null, metrics: m, desiredInstances: 1, instances: [],
});
const withPipeline = (s: LiveSnapshot, components: ComponentView[], settings = DEFAULT_SETTINGS): LiveSnapshot => ({
  ...s, pipeline: { components, settings } satisfies PipelineView,
});
const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;

describe("lessons", () => {
  it("cover the concepts the issue asks for, in order, with unique ids", () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      "broker", "topic", "partition", "offset", "producer", "consumer-group", "rebalance", "lag", "transform",
      "event-time", "watermark", "join", "aggregate", "late-data", "dead-letters", "bad-record", "delivery", "chaos", "replay",
    ]);
  });
  it("are written in every language, with a Spark snippet", () => {
    for (const l of LESSONS) {
      expect(l.spark.trim().length).toBeGreaterThan(20);
      for (const lang of LANGS) {
        const t = l.text[lang];
        expect(t.title && t.action && t.body.length, `${l.id} ${lang}`).toBeTruthy();
        expect(Boolean(t.seed)).toBe(Boolean(l.text.en.seed));
      }
    }
  });
  it("explain every deliberate difference from the seed somewhere", () => {
    const seeds = LESSONS.map((l) => l.text.en.seed ?? "").join(" ");
    for (const word of ["D producer", "some_value", "strategy field", "epoch milliseconds", "nulls"]) expect(seeds).toContain(word);
  });
  it("none is complete on an empty snapshot", () => {
    for (const l of LESSONS) expect(l.done(emptySnapshot()), l.id).toBe(false);
  });
});

describe("lesson completion", () => {
  it("broker: when the broker is connected", () => {
    const s = { ...emptySnapshot(), broker: { connected: true, mode: "embedded" as const, brokers: "x:1", clusterId: null, version: null, topics: [], error: null, process: null, at: 1 } };
    expect(lesson("broker").done(s)).toBe(true);
  });
  it("topic: when A_input receives records", () => {
    expect(lesson("topic").done(withSeen(emptySnapshot(), "A_input", 1))).toBe(true);
    expect(lesson("topic").done(withPipeline(emptySnapshot(), [comp("producer-A", "running", metrics({ recordsOutTotal: 3 }))]))).toBe(true);
  });
  it("offset: after pause and resume", () => {
    const s = withAction(emptySnapshot(), "pause-tail");
    expect(lesson("offset").done(s)).toBe(false);
    expect(lesson("offset").done(withAction(s, "resume-tail"))).toBe(true);
  });
  it("consumer group: strategy running with partitions", () => {
    const s = withPipeline(emptySnapshot(), [comp("strategy", "running", metrics({ assigned: [{ topic: "A_input", partition: 0 }] }))]);
    expect(lesson("consumer-group").done(s)).toBe(true);
  });
  it("lag: saw lag grow while stopped, then restarted", () => {
    let s = withLag(withAction(emptySnapshot(), "stop:strategy"), "A_input", 12);
    expect(lesson("lag").done(s)).toBe(false);
    s = withPipeline(s, [comp("strategy", "running", metrics())]);
    expect(lesson("lag").done(s)).toBe(true);
  });
  it("producer: rate raised while A runs", () => {
    const s = withPipeline(emptySnapshot(), [comp("producer-A", "running")], { ...DEFAULT_SETTINGS, ratePerSecond: 100 });
    expect(lesson("producer").done(s)).toBe(true);
  });
  it("watermark and join: from the join's metrics and what the learner did", () => {
    const j = { stateC: 1, stateD: 1, watermark: 5, lateDropped: 0, matchesPerSec: 1, matchesTotal: 1 };
    expect(lesson("watermark").done(withPipeline(emptySnapshot(), [comp("join", "running", metrics({ join: j }))]))).toBe(true);
    let s: LiveSnapshot = { ...emptySnapshot(), matchesSeen: 2 };
    expect(lesson("join").done(s)).toBe(false);
    s = withAction(withAction(s, "pick-C"), "pick-D");
    expect(lesson("join").done(s)).toBe(true);
  });
  it("rebalance: two instances own partitions", () => {
    const inst = (index: number, assigned: number[]) => ({
      index, status: "running" as const, pid: index, restarts: 0, reason: null,
      metrics: metrics({ assigned: assigned.map((partition) => ({ topic: "A_input", partition })) }),
    });
    const one = { ...comp("strategy", "running"), instances: [inst(0, [0, 1, 2]), inst(1, [])] };
    expect(lesson("rebalance").done(withPipeline(emptySnapshot(), [one]))).toBe(false);
    const two = { ...comp("strategy", "running"), instances: [inst(0, [0, 1]), inst(1, [2])] };
    expect(lesson("rebalance").done(withPipeline(emptySnapshot(), [two]))).toBe(true);
  });
  it("chaos: killed, restarted and running again", () => {
    const restarted = { ...comp("strategy", "running"), instances: [{ index: 0, status: "running" as const, pid: 2, restarts: 1, reason: null, metrics: null }] };
    expect(lesson("chaos").done(withPipeline(emptySnapshot(), [restarted]))).toBe(false);
    expect(lesson("chaos").done(withAction(withPipeline(emptySnapshot(), [restarted]), "kill:strategy"))).toBe(true);
  });
  it("late data, bad record and replay: from what the learner did", () => {
    expect(lesson("late-data").done(withAction(emptySnapshot(), "inject-record:D"))).toBe(false);
    expect(lesson("late-data").done(withAction(emptySnapshot(), "inject-record:old"))).toBe(true);
    const bad = withAction(emptySnapshot(), "inject-bad");
    expect(lesson("bad-record").done(bad)).toBe(false);
    expect(lesson("bad-record").done(withAction(bad, "view-topic:dead_letters"))).toBe(true);
    const replayed = withAction(emptySnapshot(), "replay:strategy");
    expect(lesson("replay").done(replayed)).toBe(false);
    expect(lesson("replay").done(withPipeline(replayed, [comp("strategy", "running")]))).toBe(true);
  });
  it("aggregate: once rows of two different output modes were seen", () => {
    const one = withAction(emptySnapshot(), "agg-rows:update");
    expect(lesson("aggregate").done(one)).toBe(false);
    expect(lesson("aggregate").done(withAction(one, "agg-rows:update"))).toBe(false);
    expect(lesson("aggregate").done(withAction(one, "agg-rows:append"))).toBe(true);
  });
});
