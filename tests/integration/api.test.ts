import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PipelineView } from "@/lib/contract/api";
import { GroupView, ReplayAnswer } from "@/lib/contract/experiments";
import { STRATEGIES, type InputValue, type JoinedValue, type OutputValue } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { startApp, type RunningApp } from "../support/app";
import { testBrokers } from "../support/broker";
import { multiset, readTopic, testKafka, valueOf, waitFor } from "../support/kafka";
import { specResult } from "../support/pipeline";

let app: RunningApp;
const kafka = testKafka(testBrokers().join(","));

const api = (path: string, init: RequestInit = {}) => fetch(`${app.url}${path}`, init);
const json = (method: string, body: unknown) => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const pipeline = async () => PipelineView.parse(await (await api("/api/pipeline")).json());

beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

describe("the HTTP API", () => {
  it("reports health with the broker it uses", async () => {
    const res = await api("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", broker: { mode: "external", brokers: testBrokers().join(",") } });
  });

  it("lists every component, stopped, with the settings", async () => {
    const view = await pipeline();
    expect(view.components.map((c) => c.name)).toEqual(["producer-A", "producer-B", "producer-C", "producer-D", "strategy", "join", "aggregate"]);
    expect(view.components.every((c) => c.status === "stopped")).toBe(true);
  });

  it("answers 404 as JSON for an unknown component or route", async () => {
    const res = await api("/api/components/rm%20-rf/start", { method: "POST" });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatch(/no component named/);
    const other = await api("/api/nothing-here");
    expect(other.status).toBe(404);
    expect(await other.json()).toHaveProperty("error");
  });

  it("rejects bad settings with 400 naming the field, and oversized bodies with 413", async () => {
    const bad = await api("/api/settings", json("PUT", { ratePerSecond: 0 }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/ratePerSecond/);
    const unknown = await api("/api/settings", json("PUT", { rate: 5 }));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatch(/rate/);
    const notJson = await api("/api/settings", { method: "PUT", body: "{oops" });
    expect(notJson.status).toBe(400);
    const huge = await api("/api/settings", json("PUT", { keys: 5, pad: "x".repeat(100_000) }));
    expect(huge.status).toBe(413);
  });

  it("checks the scale and kill bodies with 400 naming the field; a kill without a body means the first instance", async () => {
    const zero = await api("/api/components/strategy/instances", json("PUT", { count: 0 }));
    expect(zero.status).toBe(400);
    expect((await zero.json()).error).toMatch(/^count: /);
    const producer = await api("/api/components/producer-A/instances", json("PUT", { count: 2 }));
    expect(producer.status).toBe(400);
    expect((await producer.json()).error).toMatch(/producer/);
    const past = await api("/api/components/strategy/kill", json("POST", { instance: 8 }));
    expect(past.status).toBe(400);
    expect((await past.json()).error).toMatch(/^instance: /);
    // Valid, so it reaches the supervisor, which refuses since nothing runs: it asked for instance #0.
    const bare = await api("/api/components/strategy/kill", { method: "POST" });
    expect(bare.status).toBe(409);
    expect((await bare.json()).error).toMatch(/strategy #0 is not running/);
  });

  it("refuses a rate above the normal-use cap with 400 unless the learner asks for a load test", async () => {
    const capped = await api("/api/settings", json("PUT", { ratePerSecond: 5000 }));
    expect(capped.status).toBe(400);
    expect((await capped.json()).error).toMatch(/ratePerSecond.*loadTest/);
    const loadTest = await api("/api/settings", json("PUT", { ratePerSecond: 5000, loadTest: true }));
    expect(await loadTest.json()).toMatchObject({ ratePerSecond: 5000, loadTest: true, restartNeeded: [] });
    const back = await api("/api/settings", json("PUT", { ratePerSecond: 1, loadTest: false }));
    expect(await back.json()).toMatchObject({ ratePerSecond: 1, loadTest: false });
  });

  it("refuses a state change from another origin with 403", async () => {
    const res = await api("/api/pipeline/start", { method: "POST", headers: { origin: "http://evil.example" } });
    expect(res.status).toBe(403);
    expect((await pipeline()).components.every((c) => c.status === "stopped")).toBe(true);
  });

  it("runs the whole pipeline from the API alone, and every output topic holds exactly what the spec says", async () => {
    const names = topicNames(app.topicPrefix);
    const settings = await api("/api/settings", json("PUT", { ratePerSecond: 40, keys: 3, joinWindowMs: 500 }));
    expect(settings.status).toBe(200);
    expect(await settings.json()).toMatchObject({ ratePerSecond: 40, keys: 3, joinWindowMs: 500, restartNeeded: [] });

    const started = await api("/api/pipeline/start", { method: "POST" });
    expect(started.status).toBe(202);
    await waitFor(async () => (await pipeline()).components.every((c) => c.status === "running"), "every component running");
    await waitFor(async () => {
      const producers = (await pipeline()).components.filter((c) => c.kind === "producer");
      return producers.every((p) => (p.metrics?.recordsOutTotal ?? 0) >= 100);
    }, "each producer to write 100 records");
    const stopped = await api("/api/pipeline/stop", { method: "POST" });
    expect(stopped.status).toBe(202);
    expect(PipelineView.parse(await stopped.json()).components.every((c) => c.status === "stopped")).toBe(true);

    const inputs = Object.fromEntries(
      await Promise.all(STRATEGIES.map(async (s) => [s, await readTopic(kafka, names.name(`${s}_input`), 100, 30_000, 1000)] as const)),
    );
    for (const s of STRATEGIES) {
      const want = inputs[s]!.map((r) => ({ key: r.key, value: { result: specResult(valueOf<InputValue>(r).value), ts: valueOf<InputValue>(r).ts } }));
      const got = await readTopic(kafka, names.name(`${s}_output`), want.length, 30_000, 1000);
      expect(multiset(got.map((r) => ({ key: r.key, value: valueOf<OutputValue>(r) }))), `${s}_output`).toEqual(multiset(want));
    }
    const cs = (await readTopic(kafka, names.name("C_output"), inputs.C!.length, 30_000, 1000)).map((r) => ({ key: r.key, v: valueOf<OutputValue>(r) }));
    const ds = inputs.D!.map((r) => ({ key: r.key, v: valueOf<InputValue>(r) }));
    const wantPairs = cs.flatMap((c) =>
      ds
        .filter((d) => d.key === c.key && Math.abs(d.v.ts - c.v.ts) <= 500)
        .map((d) => ({ key: c.key, value: { c_val: c.v.result, d_val: d.v.value, c_ts: c.v.ts, d_ts: d.v.ts, ts: Math.max(c.v.ts, d.v.ts) } })),
    );
    expect(wantPairs.length).toBeGreaterThan(0);
    const pairs = await readTopic(kafka, names.name("D_input_ready"), wantPairs.length, 30_000, 1000);
    expect(multiset(pairs.map((r) => ({ key: r.key, value: valueOf<JoinedValue>(r) })))).toEqual(multiset(wantPairs));
  });

  it("lists topics with their partitions' offsets", async () => {
    const body = await (await api("/api/topics")).json();
    const a = body.topics.find((t: { name: string }) => t.name === `${app.topicPrefix}A_input`);
    expect(a.partitions).toHaveLength(3);
    expect(Number(a.partitions[0].latest) + Number(a.partitions[1].latest) + Number(a.partitions[2].latest)).toBeGreaterThanOrEqual(100);
  });

  it("injects a late record and a malformed one, which reach A_output and dead_letters", async () => {
    const names = topicNames(app.topicPrefix);
    await api("/api/components/strategy/start", { method: "POST" });
    const late = await api("/api/inject", json("POST", { kind: "record", strategy: "A", key: "user-9", value: 61, eventTimeOffsetMs: -180_000 }));
    expect(late.status).toBe(201);
    const { ts } = await late.json();
    const bad = await api("/api/inject", json("POST", { kind: "bad", strategy: "A", preset: "wrong-strategy" }));
    expect(bad.status).toBe(201);
    expect((await api("/api/inject", json("POST", { kind: "bad", strategy: "A", preset: "../etc" }))).status).toBe(400);
    await waitFor(async () => {
      const out = await readTopic(kafka, names.name("A_output"), 1, 30_000, 500);
      return out.some((r) => r.key === "user-9" && valueOf<OutputValue>(r).ts === ts && valueOf<OutputValue>(r).result === 37);
    }, "the injected record's output (61 → 37)");
    const dead = await readTopic(kafka, names.name("dead_letters"), 1, 30_000, 500);
    expect(dead.map((r) => valueOf<{ reason: string }>(r).reason)).toContain("wrong_strategy");
    await api("/api/components/strategy/stop", { method: "POST" });
  });

  it("replays a stopped worker from the earliest offset, and refuses while it runs", async () => {
    const names = topicNames(app.topicPrefix);
    const before = (await readTopic(kafka, names.name("B_output"), 1, 30_000, 500)).length;
    expect((await api("/api/components/producer-A/replay", json("POST", { to: "earliest" }))).status).toBe(400);
    await api("/api/components/strategy/start", { method: "POST" });
    expect((await api("/api/components/strategy/replay", json("POST", { to: "earliest" }))).status).toBe(409);
    await api("/api/components/strategy/stop", { method: "POST" });
    const future = await api("/api/components/strategy/replay", json("POST", { to: "timestamp", at: 1e15 }));
    expect(future.status).toBe(400);
    expect((await future.json()).error).toMatch(/in the future/);
    const rewound = await api("/api/components/strategy/replay", json("POST", { to: "earliest" }));
    expect(rewound.status).toBe(202);
    const answer = ReplayAnswer.parse(await rewound.json());
    expect(answer.group).toBe(`${app.topicPrefix}lab-strategy`);
    expect(answer.partitions.map((p) => `${p.topic}-${p.partition}:${p.to}`)).toEqual(STRATEGIES.flatMap((s) => [0, 1, 2].map((p) => `${s}_input-${p}:0`)));
    expect(GroupView.parse(await (await api("/api/components/strategy/group")).json()).members).toEqual([]);
    await api("/api/components/strategy/start", { method: "POST" });
    const after = await readTopic(kafka, names.name("B_output"), 2 * before, 60_000, 1000);
    expect(after.length).toBe(2 * before);
    await api("/api/components/strategy/stop", { method: "POST" });
  });
});
