import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryMode } from "@/lib/contract/api";
import { topicNames } from "@/lib/contract/topics";
import { testBrokers } from "../support/broker";
import { runDelivery, type Tally } from "../support/delivery";
import { testKafka } from "../support/kafka";

const brokers = testBrokers().join(",");
const kafka = testKafka(brokers);
const admin = kafka.admin();

beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

const run = async (mode: DeliveryMode, enough: (t: Tally) => boolean, maxRounds: number) => {
  const names = topicNames(`dm-${mode}-${Date.now().toString(36)}.`);
  await admin.ensureTopics(names.all(), 3);
  return runDelivery({ kafka, brokers, names, mode, killsPerRound: 2, maxRounds, enough, log: (line) => process.stdout.write(`[delivery] ${line}\n`) });
};

describe("the transform's delivery modes under SIGKILL", () => {
  it("at-most-once: committing before writing loses the outputs in flight at a kill, and never writes one twice", async () => {
    const { tally } = await run("at-most-once", (t) => t.missing > 0, 3);
    expect(tally.inputs).toBeGreaterThan(500);
    expect(tally.missing).toBeGreaterThan(0);
    expect(tally.duplicated).toBe(0);
    expect(tally.strays).toBe(0);
  }, 420_000);

  it("at-least-once: writing before committing repeats the outputs written since the last commit, and loses none", async () => {
    const { tally } = await run("at-least-once", (t) => t.duplicated > 0, 3);
    expect(tally.inputs).toBeGreaterThan(500);
    expect(tally.duplicated).toBeGreaterThan(0);
    expect(tally.missing).toBe(0);
    expect(tally.strays).toBe(0);
  }, 420_000);

  it("exactly-once: outputs and offsets in one transaction give one output per input, however often it is killed", async () => {
    const { tally } = await run("exactly-once", () => false, 1);
    expect(tally.inputs).toBeGreaterThan(500);
    expect({ missing: tally.missing, duplicated: tally.duplicated, strays: tally.strays }).toEqual({ missing: 0, duplicated: 0, strays: 0 });
    expect(tally.outputs).toBe(tally.inputs);
  }, 420_000);
});
