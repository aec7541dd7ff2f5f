import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TopicStats } from "@/lib/contract/socket";
import { topicNames } from "@/lib/contract/topics";
import { startApp, type RunningApp } from "../support/app";
import { testBrokers } from "../support/broker";
import { testKafka, waitFor } from "../support/kafka";

const RETENTION_MS = 2 * 3600_000;
const RETENTION_MB = 512;
let app: RunningApp;
const kafka = testKafka(testBrokers().join(","));
const sockets: Socket[] = [];

const connect = async () => {
  const socket = io(app.url, { transports: ["websocket"], forceNew: true });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
};
const latestSum = (s: TopicStats) => s.partitions.reduce((n, p) => n + Number(p.latest), 0);

beforeAll(async () => {
  app = await startApp({ LAB_RETENTION_MS: String(RETENTION_MS), LAB_RETENTION_MB: String(RETENTION_MB) });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.stop();
});

describe("the lab's topics", () => {
  it("have retention by time and by size on every topic, the size split over every partition", async () => {
    const names = topicNames(app.topicPrefix);
    const admin = kafka.admin();
    try {
      await waitFor(
        async () => (await admin.listTopics()).filter((t) => t.startsWith(app.topicPrefix)).length === names.all().length,
        "the app to create its topics",
      );
      const configs = await admin.topicConfigs(names.all(), ["retention.ms", "retention.bytes", "segment.bytes"]);
      const perPartition = Math.floor((RETENTION_MB * 1024 * 1024) / (names.all().length * 3));
      for (const topic of names.all()) {
        expect(configs[topic], topic).toEqual({
          "retention.ms": String(RETENTION_MS),
          "retention.bytes": String(perPartition),
          "segment.bytes": String(Math.floor(perPartition / 4)),
        });
      }
    } finally {
      await admin.disconnect();
    }
  });
});

describe("live topic feeds", () => {
  it("refuse topics that do not exist, and 50 pages asking for them leave the real topics' stats working", async () => {
    expect((await fetch(`${app.url}/api/components/producer-A/start`, { method: "POST" })).status).toBe(202);
    expect((await fetch(`${app.url}/api/components/strategy/start`, { method: "POST" })).status).toBe(202);
    const watcher = await connect();
    const stats: TopicStats[] = [];
    watcher.on("topic:stats", (s: unknown) => stats.push(TopicStats.parse(s)));
    watcher.emit("topic:subscribe", { topic: "A_input" });
    await waitFor(() => stats.some((s) => latestSum(s) > 0), "stats of A_input with records in it");

    const bogus = await Promise.all(Array.from({ length: 50 }, () => connect()));
    const errors: string[] = [];
    for (const socket of bogus) {
      socket.on("live:error", (e: { error: string }) => errors.push(e.error));
      for (let i = 0; i < 4; i++) socket.emit("topic:subscribe", { topic: `no-such-topic-${i}` });
    }
    await waitFor(() => errors.length === 200, `every bogus subscription refused (have ${errors.length})`);
    expect(errors.every((e) => /no topic named no-such-topic-\d/.test(e))).toBe(true);

    // Fresh stats after the flood: end offsets still move and the transform's group still has committed offsets.
    const seen = stats.length;
    const before = latestSum(stats.at(-1)!);
    await waitFor(
      () => stats.slice(seen).some((s) => latestSum(s) > before && s.groups.some((g) => g.partitions.some((p) => p.committed !== null))),
      "A_input stats with newer end offsets and the transform's commits",
      30_000,
    );
    const admin = kafka.admin();
    try {
      expect((await admin.listTopics()).filter((t) => t.includes("no-such-topic"))).toEqual([]);
    } finally {
      await admin.disconnect();
    }
  });
});
