import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, PipelineView, ResetAnswer, SettingsAnswer, type ComponentName } from "@/lib/contract/api";
import { JOIN_OUTPUT_TOPIC } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { startApp, type RunningApp } from "../support/app";
import { testBrokers } from "../support/broker";
import { multiset, produce, readTopic, testKafka, valueOf, waitFor } from "../support/kafka";
import { expectedJoin, knownInputs, toRecords } from "../support/pipeline";

const N = 300;
let app: RunningApp;
const kafka = testKafka(testBrokers().join(","));
const admin = kafka.admin();

const api = (path: string, init: RequestInit = {}) => fetch(`${app.url}${path}`, init);
const json = (method: string, body: unknown) => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const pipeline = async () => PipelineView.parse(await (await api("/api/pipeline")).json());
const component = async (name: ComponentName) => (await pipeline()).components.find((c) => c.name === name)!;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await admin.disconnect();
  await app?.stop();
});

describe("applying settings", () => {
  it("refuses settings past what one machine keeps up with (lesson 5's 100/s at ±5 min: ~1,200,000 pairs/s) with 400 unless loadTest", async () => {
    const refused = await api("/api/settings", json("PUT", { ratePerSecond: 100, keys: 5, joinWindowMs: 300_000 }));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/1,200,000 pairs\/s.*loadTest/);
    expect((await pipeline()).settings).toMatchObject({ ratePerSecond: DEFAULT_SETTINGS.ratePerSecond, joinWindowMs: DEFAULT_SETTINGS.joinWindowMs });
    const loadTest = await api("/api/settings", json("PUT", { ratePerSecond: 100, keys: 5, joinWindowMs: 300_000, loadTest: true }));
    expect(loadTest.status).toBe(200);
    const back = await api("/api/settings", json("PUT", { ratePerSecond: 1, joinWindowMs: 50, loadTest: false }));
    expect(SettingsAnswer.parse(await back.json())).toMatchObject({ joinWindowMs: 50, loadTest: false, restartNeeded: [] });
  });

  it("restarts the running join for a new window: it reports the new window, and writes every pair exactly once", async () => {
    const names = topicNames(app.topicPrefix);
    // What this test relies on, set here rather than left by the test before: a ±50 ms join at a rate the cost guard never refuses.
    const start = await api("/api/settings", json("PUT", { ratePerSecond: 1, keys: 5, joinWindowMs: 50, loadTest: false }));
    expect(start.status, await start.clone().text()).toBe(200);
    for (const name of ["strategy", "join"]) expect((await api(`/api/components/${name}/start`, { method: "POST" })).status).toBe(202);
    await waitFor(async () => (await component("join")).metrics?.settings?.joinWindowMs === 50, "the join to report it runs with ±50 ms");
    const pidBefore = (await component("join")).pid;

    // Two input sets a minute apart in event time: no pair spans them under either window.
    const before = knownInputs(N, 5, Date.now() - 120_000);
    const after = knownInputs(N, 5, Date.now() - 60_000);
    await produce(kafka, toRecords(before, names));
    await readTopic(kafka, names.name(JOIN_OUTPUT_TOPIC), expectedJoin(before, 50).length, 90_000, 0);

    const res = await api("/api/settings", json("PUT", { joinWindowMs: 200 }));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(SettingsAnswer.parse(await res.json()).restartNeeded).toEqual([expect.objectContaining({ setting: "joinWindowMs", components: ["join"] })]);
    await waitFor(async () => {
      const join = await component("join");
      return join.status === "running" && join.metrics?.settings?.joinWindowMs === 200;
    }, "the restarted join to report ±200 ms");
    expect((await component("join")).pid).not.toBe(pidBefore);

    await produce(kafka, toRecords(after, names));
    const want = [...expectedJoin(before, 50), ...expectedJoin(after, 200)];
    // The wider window really finds more pairs, or the test would not show the new window applied.
    expect(expectedJoin(after, 200).length).toBeGreaterThan(expectedJoin(after, 50).length);
    const got = await readTopic(kafka, names.name(JOIN_OUTPUT_TOPIC), want.length, 90_000, 3000);
    expect(multiset(got.map((r) => ({ key: r.key, value: valueOf(r) })))).toEqual(multiset(want));
  });
});

describe("Reset lab", () => {
  it("stops everything and leaves empty topics, no consumer group offsets and the default settings, within 30 s", async () => {
    const names = topicNames(app.topicPrefix);
    // A lab in use: settings changed, a worker scaled out, data in every stage, the join running.
    expect((await api("/api/settings", json("PUT", { keys: 7, aggOutputMode: "append" }))).status).toBe(200);
    expect((await api("/api/components/strategy/instances", json("PUT", { count: 2 }))).status).toBe(202);
    expect((await api("/api/components/producer-A/start", { method: "POST" })).status).toBe(202);
    await waitFor(async () => ((await component("producer-A")).metrics?.recordsOutTotal ?? 0) > 0, "producer-A to write");
    // A worker killed mid-run leaves its member in the group until its session times out (10 s), so
    // the group cannot be deleted yet: the reset must not wait for it (its offsets go with the topics).
    expect((await api("/api/components/join/start", { method: "POST" })).status).toBe(202);
    await waitFor(async () => (await component("join")).status === "running" && (await component("join")).metrics !== null, "the join to run");
    await waitFor(async () => (await admin.describeGroup(names.group("join"))).members.length > 0, "the join to join its group");
    expect((await api("/api/components/join/kill", json("POST", { instance: 0 }))).status).toBe(202);

    const started = Date.now();
    const res = await api("/api/lab/reset", { method: "POST" });
    expect(res.status, await res.clone().text()).toBe(200);
    const answer = ResetAnswer.parse(await res.json());
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(answer.settings).toEqual(DEFAULT_SETTINGS);
    expect(answer.components.every((c) => c.status === "stopped" && c.desiredInstances === 1)).toBe(true);

    // A client that knew the old topics may briefly ask for their old leaders: read until it has the new ones.
    let offsets: { t: string; parts: Awaited<ReturnType<typeof admin.topicOffsets>> }[] = [];
    await waitFor(
      async () => {
        offsets = await Promise.all(names.all().map(async (t) => ({ t, parts: await admin.topicOffsets(t) }))).catch(() => []);
        return offsets.length === names.all().length;
      },
      "the recreated topics' offsets",
      15_000,
    );
    for (const { t, parts } of offsets) {
      expect(parts.length, t).toBe(DEFAULT_SETTINGS.partitions);
      for (const p of parts) expect(p.latest, `${t}-${p.partition}`).toBe(p.earliest);
    }
    for (const worker of ["strategy", "join", "aggregate"]) {
      const committed = await admin.groupOffsets(names.group(worker), names.all());
      expect(
        committed.filter((o) => o.offset !== "-1"),
        worker,
      ).toEqual([]);
    }

    // A clean start: the pipeline runs from the reset lab.
    for (const name of ["strategy", "producer-A"]) expect((await api(`/api/components/${name}/start`, { method: "POST" })).status).toBe(202);
    expect((await readTopic(kafka, names.name("A_output"), 3, 60_000, 0)).length).toBeGreaterThanOrEqual(3);
    expect((await api("/api/pipeline/stop", { method: "POST" })).status).toBe(202);
  });

  it("refuses a reset asked for by another site's page", async () => {
    const res = await api("/api/lab/reset", { method: "POST", headers: { origin: "http://evil.example" } });
    expect(res.status).toBe(403);
  });
});
