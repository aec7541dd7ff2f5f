import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEAD_LETTER_TOPIC, JOIN_OUTPUT_TOPIC, STRATEGIES, type DeadLetterValue, type OutgoingRecord } from "@/lib/contract/records";
import { topicNames, type TopicNames } from "@/lib/contract/topics";
import { testBrokers } from "../support/broker";
import { multiset, produce, readTopic, testKafka, valueOf } from "../support/kafka";
import { expectedJoin, expectedOutputs, knownInputs, startWorkers, toRecords } from "../support/pipeline";

const WINDOW_MS = 50;
const N = 300;
const brokers = testBrokers().join(",");
const kafka = testKafka(brokers);
const admin = kafka.admin();

async function freshPipeline(label: string): Promise<TopicNames> {
  const names = topicNames(`${label}-${Date.now().toString(36)}.`);
  await admin.ensureTopics(names.all(), 3);
  return names;
}

async function readOutputs(names: TopicNames, inputs: ReturnType<typeof knownInputs>) {
  const strategyOutputs = await Promise.all(
    STRATEGIES.map(async (s) => {
      const want = expectedOutputs(inputs, s);
      const got = await readTopic(kafka, names.name(`${s}_output`), want.length);
      return { want, got: got.map((r) => ({ key: r.key, value: valueOf(r) })) };
    }),
  );
  const joinWant = expectedJoin(inputs, WINDOW_MS);
  const joinGot = (await readTopic(kafka, names.name(JOIN_OUTPUT_TOPIC), joinWant.length)).map((r) => ({ key: r.key, value: valueOf(r) }));
  return { strategyOutputs, joinWant, joinGot };
}

beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

describe("the pipeline on a real broker", () => {
  it("writes exactly the spec's outputs and join pairs for a known input set", async () => {
    const names = await freshPipeline("exact");
    const inputs = knownInputs(N, 5, Date.now() - 60_000);
    await produce(kafka, toRecords(inputs, names));
    const workers = await startWorkers(
      brokers,
      names,
      [
        { name: "strategy", instance: 0 },
        { name: "join", instance: 0 },
      ],
      { joinWindowMs: WINDOW_MS },
    );
    try {
      const { strategyOutputs, joinWant, joinGot } = await readOutputs(names, inputs);
      for (const { want, got } of strategyOutputs) expect(multiset(got)).toEqual(multiset(want));
      expect(joinWant.length).toBeGreaterThan(N);
      expect(multiset(joinGot)).toEqual(multiset(joinWant));
    } finally {
      await workers.stop();
    }
  });

  it.each([2, 3])("gives the same result with %i instances of each worker as with one", async (count) => {
    const names = await freshPipeline(`scale${count}`);
    const inputs = knownInputs(N, 5, Date.now() - 60_000);
    const instances = Array.from({ length: count }, (_, i) => i);
    const workers = await startWorkers(
      brokers,
      names,
      instances.flatMap((instance) => [
        { name: "strategy" as const, instance },
        { name: "join" as const, instance },
      ]),
      { joinWindowMs: WINDOW_MS },
    );
    try {
      await produce(kafka, toRecords(inputs, names));
      const { strategyOutputs, joinWant, joinGot } = await readOutputs(names, inputs);
      for (const { want, got } of strategyOutputs) expect(multiset(got)).toEqual(multiset(want));
      expect(multiset(joinGot)).toEqual(multiset(joinWant));
    } finally {
      await workers.stop();
    }
  });

  it("sends bad records to dead_letters with their reasons and processes the good ones around them", async () => {
    const names = await freshPipeline("dead");
    const ts = Date.now() - 1000;
    const good = (value: number) => JSON.stringify({ strategy: "A", value, ts });
    const bad: [string | Buffer, string][] = [
      ["not json at all", "not_json"],
      [Buffer.from([0xff, 0xfe, 0x00, 0x41]), "not_utf8"],
      ["[1,2,3]", "not_object"],
      [JSON.stringify({ strategy: "B", value: 5, ts }), "wrong_strategy"],
      [JSON.stringify({ strategy: "A", value: 10001, ts }), "out_of_range"],
      [JSON.stringify({ strategy: "A", value: 1.5, ts }), "invalid_field"],
      [JSON.stringify({ strategy: "A", value: 5 }), "invalid_field"],
      ['{"__proto__":{"polluted":1},"strategy":"A","value":"x","ts":1}', "invalid_field"],
    ];
    const records: OutgoingRecord[] = bad.flatMap(([value], i) => [
      { topic: names.name("A_input"), key: `user-${i}`, value: good(i + 1), timestamp: ts },
      { topic: names.name("A_input"), key: `user-${i}`, value, timestamp: ts },
    ]);
    records.push({ topic: names.name("D_input"), key: null, value: JSON.stringify({ strategy: "D", value: 3, ts }), timestamp: ts });
    await produce(kafka, records);
    const workers = await startWorkers(brokers, names, [
      { name: "strategy", instance: 0 },
      { name: "join", instance: 0 },
    ]);
    try {
      const dead = (await readTopic(kafka, names.name(DEAD_LETTER_TOPIC), bad.length + 1)).map((r) => valueOf<DeadLetterValue>(r));
      expect(dead.map((d) => d.reason).sort()).toEqual([...bad.map(([, reason]) => reason), "missing_key"].sort());
      expect(dead.every((d) => d.error.length > 0 && d.topic.length > 0)).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const outputs = await readTopic(kafka, names.name("A_output"), bad.length);
      expect(multiset(outputs.map((r) => valueOf(r)))).toEqual(multiset(bad.map((_, i) => ({ result: (i + 1) * 2, ts }))));
    } finally {
      await workers.stop();
    }
  });
});
