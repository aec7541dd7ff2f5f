import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PipelineView, SettingsAnswer, TopicsView } from "@/lib/contract/api";
import { JOIN_OUTPUT_TOPIC } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { startApp, type RunningApp } from "../support/app";
import { testBrokers } from "../support/broker";
import { multiset, produce, readTopic, testKafka, valueOf, waitFor } from "../support/kafka";
import { expectedJoin, knownInputs, toRecords } from "../support/pipeline";

const WINDOW_MS = 50;
const N = 300;
let app: RunningApp;
const kafka = testKafka(testBrokers().join(","));

const api = (path: string, init: RequestInit = {}) => fetch(`${app.url}${path}`, init);
const json = (method: string, body: unknown) => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const pipeline = async () => PipelineView.parse(await (await api("/api/pipeline")).json());
const statusOf = async (name: string) => (await pipeline()).components.find((c) => c.name === name)?.status;
const partitionCounts = async () =>
  TopicsView.parse(await (await api("/api/topics")).json())
    .topics.filter((t) => t.name.startsWith(app.topicPrefix))
    .map((t) => t.partitions.length);

beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

describe("changing the partition count", () => {
  it("refuses fewer partitions than the topics have, since Kafka cannot remove partitions", async () => {
    const res = await api("/api/settings", json("PUT", { partitions: 2 }));
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatch(/cannot remove partitions/);
  });

  it("grows the topics while running by restarting every running producer and worker, and the join writes every pair exactly once", async () => {
    const names = topicNames(app.topicPrefix);
    expect(await (await api("/api/settings", json("PUT", { joinWindowMs: WINDOW_MS }))).json()).toMatchObject({ restartNeeded: [] });
    expect((await api("/api/components/join/instances", json("PUT", { count: 2 }))).status).toBe(202);
    for (const name of ["strategy", "join", "producer-A"]) expect((await api(`/api/components/${name}/start`, { method: "POST" })).status).toBe(202);
    await waitFor(
      async () => (await pipeline()).components.filter((c) => ["strategy", "join", "producer-A"].includes(c.name)).every((c) => c.status === "running"),
      "strategy, join and producer-A to run",
    );

    // Two input sets far apart in event time: no pair spans the change, when keys move to other partitions.
    const before = knownInputs(N, 5, Date.now() - 120_000);
    const after = knownInputs(N, 5, Date.now() - 60_000);
    await produce(kafka, toRecords(before, names));
    await readTopic(kafka, names.name(JOIN_OUTPUT_TOPIC), expectedJoin(before, WINDOW_MS).length, 90_000, 0);

    const res = await api("/api/settings", json("PUT", { partitions: 6 }));
    expect(res.status, await res.clone().text()).toBe(200);
    const answer = SettingsAnswer.parse(await res.json());
    expect(answer.partitions).toBe(6);
    expect(answer.restartNeeded).toEqual([expect.objectContaining({ setting: "partitions", components: ["strategy", "join", "producer-A"] })]);
    expect(new Set(await partitionCounts())).toEqual(new Set([6]));
    for (const name of ["strategy", "join", "producer-A"]) expect(await statusOf(name)).not.toBe("stopped");

    await produce(kafka, toRecords(after, names));
    const want = [...expectedJoin(before, WINDOW_MS), ...expectedJoin(after, WINDOW_MS)];
    const got = await readTopic(kafka, names.name(JOIN_OUTPUT_TOPIC), want.length, 90_000, 3000);
    expect(multiset(got.map((r) => ({ key: r.key, value: valueOf(r) })))).toEqual(multiset(want));
    // The second set really spread over the new partitions, or the test would prove nothing.
    expect(new Set(got.map((r) => r.partition)).size).toBeGreaterThan(3);
  });
});
