import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { STRATEGIES } from "@/lib/contract/records";
import { topicNames, type TopicNames } from "@/lib/contract/topics";
import { createSupervisor } from "@/server/supervisor/supervisor";
import { testBrokers } from "../support/broker";
import { compareMultisets, strategyDrained } from "../support/chaos";
import { multiset, produce, readTopic, testKafka, valueOf, waitFor } from "../support/kafka";
import { expectedOutputs, knownInputs, toRecords, workerScripts, type InputSpec } from "../support/pipeline";

const brokers = testBrokers().join(",");
const kafka = testKafka(brokers);
const admin = kafka.admin();
const PER_INPUT = 4000;
/** A quarter of the inputs is written up front as a backlog, the rest in steps over this long. */
const FEED_MS = 15_000;

async function feed(inputs: InputSpec[], names: TopicNames, fed: { n: number }): Promise<void> {
  const steps = Math.round(FEED_MS / 250);
  const first = Math.ceil(inputs.length / 4);
  const per = Math.ceil((inputs.length - first) / steps);
  for (let lo = 0, hi = first; lo < inputs.length; lo = hi, hi = Math.min(inputs.length, hi + per)) {
    await produce(kafka, toRecords(inputs.slice(lo, hi), names));
    fed.n = hi;
    if (hi < inputs.length) await sleep(250); // the feed's pace, not a wait for a condition
  }
}

beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

describe("exactly once across rebalances", () => {
  it(
    "writes every input exactly once while the transform scales 1 → 2 → 3 → 1 with a backlog in hand",
    async () => {
      const names = topicNames(`rebal-${Date.now().toString(36)}.`);
      await admin.ensureTopics(names.all(), 3);
      const byStrategy = knownInputs(PER_INPUT, 5, Date.now() - 60_000);
      // A, B, C and D take turns, so every input topic has a backlog at each scaling step.
      const inputs = Array.from({ length: PER_INPUT }, (_, i) => STRATEGIES.map((_, s) => byStrategy[s * PER_INPUT + i]!)).flat();
      const sup = createSupervisor({ scripts: await workerScripts(), brokers: () => brokers, settings: () => DEFAULT_SETTINGS, topicPrefix: names.prefix, logLevel: "warn" });
      sup.onLog((_, l) => (l.level === "error" || l.level === "fatal" || /skipped records/.test(l.msg)) && process.stderr.write(`[strategy] ${l.level}: ${l.msg.slice(0, 300)}\n`));
      const strategy = () => sup.view().find((c) => c.name === "strategy")!;
      const owners = () => strategy().instances.filter((i) => i.status === "running" && (i.metrics?.assigned.length ?? 0) > 0).length;
      const consumed = () => strategy().instances.reduce((n, i) => n + (i.metrics?.recordsInTotal ?? 0), 0);
      const fed = { n: 0 };
      const scaled: { to: number; fed: number; consumed: number }[] = [];
      try {
        await sup.start("strategy");
        await waitFor(() => owners() === 1, "one transform instance to own the inputs");
        const feeding = feed(inputs, names, fed);
        for (const count of [2, 3, 1]) {
          await waitFor(() => consumed() > 0, "the transform to be working");
          scaled.push({ to: count, fed: fed.n, consumed: consumed() });
          await sup.setInstances("strategy", count);
          await waitFor(() => owners() === count, `${count} instances to own partitions`);
        }
        await feeding;
        await waitFor(() => strategyDrained(kafka, names), "the transform to commit every input", 180_000);
      } finally {
        await sup.stopAll();
      }
      process.stdout.write(`scaled ${JSON.stringify(scaled)} of ${inputs.length} inputs\n`);
      for (const s of STRATEGIES) {
        const want = expectedOutputs(inputs, s);
        const got = await readTopic(kafka, names.name(`${s}_output`), want.length, 120_000, 3000);
        const diff = compareMultisets(multiset(want), multiset(got.map((r) => ({ key: r.key, value: valueOf(r) }))));
        process.stdout.write(`${s}_output: expected ${want.length}, got ${got.length}, missing ${diff.missing}, extra ${diff.extra}\n`);
        expect({ topic: s, ...diff }).toEqual({ topic: s, missing: 0, extra: 0 });
      }
      // Not luck: each scaling step happened while inputs were still coming.
      expect(scaled.every((s) => s.fed < inputs.length)).toBe(true);
    },
    400_000,
  );
});
