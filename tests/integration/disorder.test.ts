import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type ComponentName } from "@/lib/contract/api";
import type { InputValue } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { testBrokers } from "../support/broker";
import { status } from "../support/chaos";
import { readTopic, testKafka, valueOf, waitFor } from "../support/kafka";
import { testSupervisor } from "../support/pipeline";

const brokers = testBrokers().join(",");
const kafka = testKafka(brokers);
const admin = kafka.admin();
const names = topicNames(`disorder-${Date.now().toString(36)}.`);

beforeAll(() => admin.ensureTopics(names.all(), 3));
afterAll(() => admin.disconnect());

describe("producer disorder at the learning defaults", () => {
  it("makes late records the join drops and counts, without any injection", async () => {
    // The defaults, only faster: at 1 record/s a late record comes about once a minute; at 50 about once a second.
    const settings = { ...DEFAULT_SETTINGS, ratePerSecond: 50 };
    expect(settings.disorderPercent).toBeGreaterThan(0);
    const sup = await testSupervisor({ brokers, prefix: names.prefix, settings });
    const components: ComponentName[] = ["strategy", "join", "producer-C", "producer-D"];
    const join = () => status(sup, "join").metrics?.join ?? null;
    try {
      for (const c of components) await sup.start(c);
      await waitFor(() => components.every((c) => status(sup, c).status === "running"), "producers C and D, strategy and join to run");
      await waitFor(() => (join()?.matchesTotal ?? 0) > 0 && join()?.watermark != null, "the join to match, with a watermark");
      // Counted from here, once the pipeline flows: while the join catches up at its start, partitions
      // read unevenly can make even slightly out-of-order records late. About 1 late record/s comes now
      // (2 producers × 50/s × 5 % × 20 %); without the late band none would.
      const before = join()!.lateDropped;
      await waitFor(() => join()!.lateDropped >= before + 5, "the join to drop 5 more late records", 90_000);
      // Enough D records for the share of disorder below to be measured, not guessed.
      await waitFor(() => (status(sup, "producer-D").metrics?.recordsOutTotal ?? 0) >= 1000, "producer D to write 1,000 records");
    } finally {
      await sup.stopAll();
    }

    // The producers stamp the Kafka timestamp with the event time, and some event times run backwards.
    const d = await readTopic(kafka, names.name("D_input"), 1);
    const maxSoFar = new Map<number, number>();
    let disordered = 0;
    for (const r of d) {
      const v = valueOf<InputValue>(r);
      expect(r.timestamp).toBe(v.ts);
      const max = maxSoFar.get(r.partition) ?? -Infinity;
      if (v.ts < max - 500) disordered++;
      maxSoFar.set(r.partition, Math.max(max, v.ts));
    }
    expect(d.length).toBeGreaterThanOrEqual(1000);
    expect(disordered / d.length).toBeGreaterThan(0.02);
    expect(disordered / d.length).toBeLessThan(0.1);
  }, 180_000);
});
