import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STRATEGIES, type OutputValue } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { createSettingsStore } from "@/server/pipeline/settings-store";
import { createPipelineService, PipelineError } from "@/server/pipeline/service";
import { testBrokers } from "../support/broker";
import { multiset, produce, readTopic, testKafka, valueOf, waitFor } from "../support/kafka";
import { expectedOutputs, knownInputs, testSupervisor, toRecords } from "../support/pipeline";

const brokers = testBrokers().join(",");
const kafka = testKafka(brokers);
const admin = kafka.admin();
const names = topicNames(`replay-${Date.now().toString(36)}.`);
const PER_INPUT = 60;
const inputs = knownInputs(PER_INPUT, 5, Date.now() - 60_000);

beforeAll(() => admin.ensureTopics(names.all(), 3));
afterAll(() => admin.disconnect());

const service = async (replayWaitMs?: number) => {
  const supervisor = await testSupervisor({ brokers, prefix: names.prefix });
  const producer = kafka.producer();
  return {
    supervisor,
    pipeline: createPipelineService({
      admin,
      producer: async () => producer,
      supervisor,
      settings: createSettingsStore(null),
      names,
      ...(replayWaitMs ? { replayWaitMs } : {}),
    }),
  };
};
const outputsOf = async (s: string, n: number) =>
  (await readTopic(kafka, names.name(`${s}_output`), n, 90_000, 2000)).map((r) => ({ key: r.key, value: valueOf<OutputValue>(r) }));

describe("replay", () => {
  it("refuses a timestamp in the future or before 2000 with 400, before touching the group", async () => {
    const { pipeline } = await service();
    await expect(pipeline.replay("strategy", { to: "timestamp", at: 1e15 })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/in the future/),
    });
    await expect(pipeline.replay("strategy", { to: "timestamp", at: 5 })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/before the year 2000/),
    });
  });

  it("right after a 2-instance transform stops, waits for its group to empty and rewinds every input topic: each output holds every record exactly twice", async () => {
    const { supervisor, pipeline } = await service();
    const strategy = () => supervisor.view().find((c) => c.name === "strategy")!;
    const owners = () => strategy().instances.filter((i) => (i.metrics?.assigned.length ?? 0) > 0).length;
    try {
      // Inputs are written once both members own partitions: what a rebalance in mid-stream does is not this test's question.
      await supervisor.setInstances("strategy", 2);
      await supervisor.start("strategy");
      await waitFor(() => owners() === 2, "two transform instances owning partitions");
      await produce(kafka, toRecords(inputs, names));
      for (const s of STRATEGIES) expect(multiset(await outputsOf(s, PER_INPUT)), `${s}_output, first run`).toEqual(multiset(expectedOutputs(inputs, s)));

      await pipeline.stop("strategy");
      const answer = await pipeline.replay("strategy", { to: "earliest" });
      expect(answer.partitions.map((p) => `${p.topic}-${p.partition}`)).toEqual(STRATEGIES.flatMap((s) => [0, 1, 2].map((p) => `${s}_input-${p}`)));
      expect(answer.partitions.every((p) => p.to === "0")).toBe(true);
      expect(answer.records).toBe(inputs.length);
      expect(
        (
          await admin.groupOffsets(
            names.group("strategy"),
            STRATEGIES.map((s) => names.name(`${s}_input`)),
          )
        ).every((o) => o.offset === "0"),
      ).toBe(true);

      await supervisor.setInstances("strategy", 1);
      await pipeline.start("strategy");
      for (const s of STRATEGIES) {
        const once = expectedOutputs(inputs, s);
        expect(multiset(await outputsOf(s, 2 * PER_INPUT)), `${s}_output after the replay`).toEqual(multiset([...once, ...once]));
      }
    } finally {
      await supervisor.stopAll();
    }
  });

  it("answers 409 naming the members when the group does not empty in time, and moves no offset", async () => {
    const { pipeline } = await service(2000);
    const topics = STRATEGIES.map((s) => names.name(`${s}_input`));
    const before = await admin.groupOffsets(names.group("strategy"), topics);
    const intruder = kafka.consumer({ groupId: names.group("strategy") });
    let assigned = false;
    intruder.onAssignment(() => void (assigned = true));
    await intruder.connect();
    try {
      await intruder.subscribe([topics[0]!], false);
      void intruder.run(async () => undefined);
      await waitFor(() => assigned, "a foreign member to join the group");
      const err = await pipeline.replay("strategy", { to: "earliest" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PipelineError);
      expect(err).toMatchObject({ status: 409, message: expect.stringMatching(/still has 1 member: lab-test@/) });
      expect(await admin.groupOffsets(names.group("strategy"), topics)).toEqual(before);
    } finally {
      await intruder.disconnect();
    }
  });
});
