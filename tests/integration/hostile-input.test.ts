import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { DEAD_LETTER_TOPIC, JOIN_OUTPUT_TOPIC, STRATEGIES, type DeadLetterValue, type OutgoingRecord } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { hostileCorpus, seededRandom, type HostileRecord } from "@/lib/pipeline/hostile-corpus";
import { testBrokers } from "../support/broker";
import { status } from "../support/chaos";
import { multiset, produce, readTopic, testKafka, valueOf, waitFor } from "../support/kafka";
import { expectedJoin, expectedOutputs, knownInputs, specResult, testSupervisor, toRecords } from "../support/pipeline";

const brokers = testBrokers().join(",");
const kafka = testKafka(brokers);
const admin = kafka.admin();
const SEED = 20_251_122;
const WINDOW_MS = 100;
/** Sends stay well under the broker's 1 MB batch limit even when huge records share a partition. */
const MAX_SEND_BYTES = 600 * 1024;

beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

async function produceInChunks(records: OutgoingRecord[]): Promise<void> {
  let chunk: OutgoingRecord[] = [];
  let bytes = 0;
  for (const r of records) {
    const size = Buffer.byteLength(r.value);
    if (chunk.length && bytes + size > MAX_SEND_BYTES) {
      await produce(kafka, chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(r);
    bytes += size;
  }
  if (chunk.length) await produce(kafka, chunk);
}

/** What dead_letters must hold for the corpus: one letter per rejecting worker, with its reason. */
function expectedDeadLetters(corpus: HostileRecord[]) {
  return corpus.flatMap((r) => [
    ...(r.strategyReason ? [{ worker: "strategy", topic: `${r.strategy}_input`, key: r.key, reason: r.strategyReason, payloadBytes: r.value.length }] : []),
    ...(r.joinReason
      ? [
          {
            worker: "join",
            topic: r.strategy === "D" ? "D_input" : "C_output",
            key: r.key,
            reason: r.joinReason,
            payloadBytes: r.strategy === "D" ? r.value.length : -1,
          },
        ]
      : []),
  ]);
}

describe("hostile input", () => {
  it("dead-letters every bad record with its reason, processes the good ones around them exactly, and crashes no worker", async () => {
    const names = topicNames(`hostile-${Date.now().toString(36)}.`);
    await admin.ensureTopics(names.all(), 3);
    const now = Date.now();
    const good = knownInputs(300, 5, now - 60_000);
    const corpus = hostileCorpus({ seed: SEED, count: 1200, now });
    const rnd = seededRandom(SEED);
    const goodRecords = toRecords(good, names);
    const badRecords: OutgoingRecord[] = corpus.map((r) => ({ topic: names.name(`${r.strategy}_input`), key: r.key, value: r.value, timestamp: now - 1000 }));
    // Interleave at random (seeded), keeping each list's own order.
    const mixed: OutgoingRecord[] = [];
    for (let g = 0, b = 0; g < goodRecords.length || b < badRecords.length;) {
      if (b >= badRecords.length || (g < goodRecords.length && rnd() < 0.5)) mixed.push(goodRecords[g++]!);
      else mixed.push(badRecords[b++]!);
    }

    const settings = { ...DEFAULT_SETTINGS, joinWindowMs: WINDOW_MS };
    const sup = await testSupervisor({ brokers, prefix: names.prefix, settings });
    try {
      await sup.start("strategy");
      await sup.start("join");
      await waitFor(() => ["strategy", "join"].every((w) => status(sup, w as "join").status === "running"), "strategy and join to run");
      const pids = { strategy: sup.pidOf("strategy"), join: sup.pidOf("join") };
      const started = Date.now();
      await produceInChunks(mixed);

      const wantDead = expectedDeadLetters(corpus);
      const dead = (await readTopic(kafka, names.name(DEAD_LETTER_TOPIC), wantDead.length, 180_000)).map((r) => valueOf<DeadLetterValue>(r));
      expect(
        multiset(
          dead.map((d) => ({ worker: d.worker, topic: d.topic, key: d.key, reason: d.reason, payloadBytes: d.topic === "C_output" ? -1 : d.payloadBytes })),
        ),
      ).toEqual(multiset(wantDead));
      expect(dead.every((d) => d.error.length > 0 && d.offset.length > 0)).toBe(true);

      for (const s of STRATEGIES) {
        const nullKeyed = corpus
          .filter((r) => r.strategy === s && r.strategyReason === null)
          .map((r) => JSON.parse(r.value.toString()) as { value: number; ts: number })
          .map((v) => ({ key: null, value: { result: specResult(v.value), ts: v.ts } }));
        const want = [...expectedOutputs(good, s), ...nullKeyed];
        const got = await readTopic(kafka, names.name(`${s}_output`), want.length);
        expect(multiset(got.map((r) => ({ key: r.key, value: valueOf(r) })))).toEqual(multiset(want));
      }
      const joinWant = expectedJoin(good, WINDOW_MS);
      const joinGot = await readTopic(kafka, names.name(JOIN_OUTPUT_TOPIC), joinWant.length);
      expect(joinWant.length).toBeGreaterThan(300);
      expect(multiset(joinGot.map((r) => ({ key: r.key, value: valueOf(r) })))).toEqual(multiset(joinWant));
      process.stdout.write(
        `[hostile] ${corpus.length} bad + ${good.length} good records, ${dead.length} dead letters, ${joinWant.length} pairs, all checked within ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );

      expect({ strategy: sup.pidOf("strategy"), join: sup.pidOf("join") }).toEqual(pids);
      expect(
        sup
          .view()
          .filter((c) => c.name === "strategy" || c.name === "join")
          .map((c) => [c.name, c.status, c.restarts]),
      ).toEqual([
        ["strategy", "running", 0],
        ["join", "running", 0],
      ]);
    } finally {
      await sup.stopAll();
    }
  });
});
