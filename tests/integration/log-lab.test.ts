import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogView } from "@/lib/contract/log";
import { topicNames } from "@/lib/contract/topics";
import { createLogger } from "@/lib/log";
import { PROFILE_KEYS } from "@/lib/loglab/compaction";
import { createLogLab } from "@/server/loglab/service";
import { testBrokers, uniqueTopic } from "../support/broker";
import { produce, testKafka, waitFor } from "../support/kafka";

// One log lab on a namespace of its own: the storage demo runs from the start, so retention acts
// while the compaction and transaction checks run.
const kafka = testKafka(testBrokers().join(","));
const admin = kafka.admin();
const names = topicNames(`${uniqueTopic("loglab")}.`);
const lab = createLogLab({
  kafka,
  admin,
  names,
  log: createLogger("test", "warn"),
  logDirs: null,
  ensurePipelineTopics: () => admin.ensureTopics(names.all(), 3),
});
let view: LogView;
const refresh = async () => (view = await lab.view());

beforeAll(async () => {
  await lab.startStorage();
});
afterAll(async () => {
  await lab.shutdown();
  await admin.disconnect();
});

describe("the log lab on a real broker", () => {
  it("an aborted transaction's records are seen by read_uncommitted and skipped by read_committed", async () => {
    await lab.holdTransaction();
    await waitFor(async () => (await refresh()).txn.readers.uncommitted.demoRecords === 6, "the uncommitted reader to read the held records");
    // While it is open, the last stable offset stays below the high watermark where it wrote.
    expect(view.txn.partitions.some((p) => BigInt(p.lastStable) < BigInt(p.highWatermark))).toBe(true);
    expect(view.txn.readers.committed.demoRecords).toBe(0);
    await lab.abortTransaction();
    const output = names.name("A_output");
    await produce(kafka, [{ topic: output, key: "user-8", value: "after", timestamp: Date.now() }]);
    await waitFor(async () => (await refresh()).txn.readers.committed.records >= 1, "the committed reader to read past the aborted records");
    expect(view.txn.readers.committed.demoRecords).toBe(0);
    expect(view.txn.readers.uncommitted.demoRecords).toBe(6);
    expect(view.txn.partitions.every((p) => p.lastStable === p.highWatermark)).toBe(true);
    expect(view.txn.lastEnded?.how).toBe("aborted");
  });

  it("compaction keeps one record per key, and a tombstoned key disappears after delete.retention.ms", async () => {
    await lab.startCompaction();
    await lab.deleteKey("user-6");
    lab.stopCompaction();
    // The cleaner never touches the active segment: another key's records roll it and keep the log dirty.
    const topic = names.name("lab_profiles");
    const settled = (v: LogView) =>
      v.compaction.keys.filter((k) => k.key.startsWith("user-")).every((k) => k.inLog === (k.key === "user-6" ? 0 : 1)) &&
      v.compaction.keys.length === PROFILE_KEYS + 1;
    await waitFor(
      async () => {
        await produce(kafka, [{ topic, key: "roller", value: String(Date.now()), timestamp: Date.now() }]);
        return settled(await refresh());
      },
      "one record per key and user-6 gone",
      90_000,
    );
    const user1 = view.compaction.keys.find((k) => k.key === "user-1")!;
    expect(user1.produced).toBeGreaterThan(1);
    expect(JSON.parse(user1.latest!)).toMatchObject({ version: user1.produced });
  });

  it("retention advances the log start past a slow reader, which is reset per its policy and loses what lay between", async () => {
    const asked = BigInt((await refresh()).storage.slowReaderAt!);
    await waitFor(async () => BigInt((await refresh()).storage.partition!.logStart) > asked, "retention to delete the slow reader's offset", 90_000);
    const earliest = await lab.resumeReader("earliest");
    expect(BigInt(earliest.resetTo)).toBeGreaterThanOrEqual(BigInt(earliest.logStart));
    expect(earliest.lost).toBe(Number(BigInt(earliest.resetTo) - asked));
    expect(earliest.lost).toBeGreaterThan(0);
    const latest = await lab.resumeReader("latest");
    expect(BigInt(latest.resetTo)).toBeGreaterThanOrEqual(BigInt(latest.logEnd));
    expect(latest.lost).toBeGreaterThan(earliest.lost);
  });
});
