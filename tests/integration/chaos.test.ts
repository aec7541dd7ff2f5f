import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { topicNames } from "@/lib/contract/topics";
import { testBrokers } from "../support/broker";
import { runChaos } from "../support/chaos";
import { testKafka } from "../support/kafka";

const brokers = testBrokers().join(",");
const kafka = testKafka(brokers);
const admin = kafka.admin();
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);

beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

describe("exactly once under SIGKILL", () => {
  it("leaves every output topic exactly as an uninterrupted run would, however often strategy and join are killed", async () => {
    process.stdout.write(`chaos seed ${SEED} (rerun with CHAOS_SEED=${SEED})\n`);
    const names = topicNames(`chaos-${Date.now().toString(36)}.`);
    await admin.ensureTopics(names.all(), 3);
    const report = await runChaos({
      kafka,
      brokers,
      names,
      recordsPerInput: 2000,
      kills: 6,
      seed: SEED,
      windowMs: 100,
      feedMs: 60_000,
      gapMs: [3000, 11_000],
      log: (line) => process.stdout.write(`[chaos] ${line}\n`),
    });
    // Not luck: the workers were really killed while inputs were still coming, and restarted.
    expect(report.kills).toHaveLength(6);
    expect(report.kills.some((k) => k.fed < 8000)).toBe(true);
    expect(report.restarts).toEqual({ strategy: 3, join: 3 });
    const join = report.checks.at(-1)!;
    expect(join.expected).toBeGreaterThan(8000);
    for (const c of report.checks) expect({ topic: c.topic, missing: c.missing, extra: c.extra }).toEqual({ topic: c.topic, missing: 0, extra: 0 });
  }, 300_000);
});
