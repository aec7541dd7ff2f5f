import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LabConsumer } from "@/kafka/types";
import { testBrokers, uniqueTopic } from "../support/broker";
import { produce, testKafka, waitFor } from "../support/kafka";

const kafka = testKafka(testBrokers().join(","));
const admin = kafka.admin();

beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

const records = (topic: string, n: number) => Array.from({ length: n }, (_, i) => ({ topic, key: `k${i}`, value: `v${i}`, timestamp: Date.now() }));

describe("consumer pause and resume", () => {
  it("stops fetching a paused partition while the others go on, and reads it again once resumed", async () => {
    const [ahead, behind] = [uniqueTopic("pause-ahead"), uniqueTopic("pause-behind")];
    await admin.ensureTopics([ahead, behind], 1);
    const consumer: LabConsumer = kafka.consumer({ groupId: uniqueTopic("pause-group") });
    const seen = { [ahead]: 0, [behind]: 0 };
    let paused = false;
    await consumer.connect();
    await consumer.subscribe([ahead, behind], true);
    await produce(kafka, records(ahead, 5));
    await consumer.run(async (batch) => {
      seen[batch.topic]! += batch.records.length;
      if (batch.topic === ahead && !paused) {
        paused = true;
        consumer.pause([{ topic: ahead, partition: 0 }]);
      }
    });
    try {
      await waitFor(() => seen[ahead] === 5, "the first records of the topic to pause");
      await produce(kafka, [...records(ahead, 7), ...records(behind, 3)]);
      await waitFor(() => seen[behind] === 3, "the other topic's records");
      expect(seen[ahead]).toBe(5);
      consumer.resume([{ topic: ahead, partition: 0 }]);
      await waitFor(() => seen[ahead] === 12, "the paused topic's records after resume");
    } finally {
      await consumer.disconnect();
    }
  });
});

describe("topic administration", () => {
  it("grows a topic and returns once its metadata shows the new count; asking for a count it already has is no error", async () => {
    const topic = uniqueTopic("grow");
    await admin.ensureTopics([topic], 3);
    await admin.growPartitions(topic, 6);
    expect(await admin.partitionCounts([topic])).toEqual({ [topic]: 6 });
    await admin.growPartitions(topic, 6);
    await admin.growPartitions(topic, 2);
    expect(await admin.partitionCounts([topic])).toEqual({ [topic]: 6 });
  });

  it("creates topics with the given configs and sets them again on existing ones", async () => {
    const topic = uniqueTopic("configs");
    await admin.ensureTopics([topic], 1, { "retention.ms": "7200000", "retention.bytes": "10485760" });
    expect(await admin.topicConfigs([topic], ["retention.ms", "retention.bytes"])).toEqual({
      [topic]: { "retention.ms": "7200000", "retention.bytes": "10485760" },
    });
    await admin.configureTopics([topic], { "retention.ms": "3600000", "retention.bytes": "5242880", "segment.bytes": "1048576" });
    expect(await admin.topicConfigs([topic], ["retention.ms", "retention.bytes", "segment.bytes"])).toEqual({
      [topic]: { "retention.ms": "3600000", "retention.bytes": "5242880", "segment.bytes": "1048576" },
    });
  });
});

describe("transactional producer start", () => {
  it("fences a predecessor with the same transactional id on connect, so the group's offsets it left in an open transaction are stable at once", async () => {
    const topic = uniqueTopic("fence-in");
    const out = uniqueTopic("fence-out");
    const groupId = uniqueTopic("fence-group");
    const txId = uniqueTopic("fence-tx");
    await admin.ensureTopics([topic, out], 1);
    // The predecessor sends its outputs and offsets, then stops before committing (as a SIGKILL would leave it).
    const zombie = kafka.producer({ transactionalId: txId });
    await zombie.connect();
    let offsetsSent!: () => void;
    const reachedCommit = new Promise<void>((r) => (offsetsSent = r));
    void zombie
      .sendAtomically([{ topic: out, key: "k", value: "v", timestamp: Date.now() }], {
        groupId,
        offsets: [{ topic, partition: 0, offset: "1" }],
        beforeCommit: () => {
          offsetsSent();
          return new Promise<void>(() => undefined);
        },
      })
      .catch(() => undefined);
    await reachedCommit;

    const successor = kafka.producer({ transactionalId: txId });
    const consumer = kafka.consumer({ groupId });
    try {
      await successor.connect();
      await consumer.connect();
      const asked = Date.now();
      const committed = await consumer.stableCommitted([{ topic, partition: 0 }]);
      // Without fencing, the open transaction keeps the offsets unstable until its timeout (60 s).
      expect(Date.now() - asked).toBeLessThan(10_000);
      expect(committed.map((c) => c.offset)).toEqual(["-1"]);
    } finally {
      await consumer.disconnect();
      await successor.disconnect();
      await zombie.disconnect().catch(() => undefined);
    }
  });
});
