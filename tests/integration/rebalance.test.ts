import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STRATEGIES } from "@/lib/contract/records";
import { topicNames, type TopicNames } from "@/lib/contract/topics";
import type { Supervisor } from "@/server/supervisor/supervisor";
import { testBrokers } from "../support/broker";
import { compareMultisets, strategyDrained } from "../support/chaos";
import { multiset, produce, readTopic, testKafka, valueOf, waitFor } from "../support/kafka";
import { expectedOutputs, type InputSpec, knownInputs, testSupervisor, toRecords } from "../support/pipeline";

const brokers = testBrokers().join(",");
const kafka = testKafka(brokers);
const admin = kafka.admin();
const PER_INPUT = 4000;

/** A quarter of the inputs is written up front as a backlog, the rest in steps over `feedMs`. */
async function feed(inputs: InputSpec[], names: TopicNames, fed: { n: number }, feedMs: number): Promise<void> {
  const steps = Math.round(feedMs / 250);
  const first = Math.ceil(inputs.length / 4);
  const per = Math.ceil((inputs.length - first) / steps);
  for (let lo = 0, hi = first; lo < inputs.length; lo = hi, hi = Math.min(inputs.length, hi + per)) {
    await produce(kafka, toRecords(inputs.slice(lo, hi), names));
    fed.n = hi;
    if (hi < inputs.length) await sleep(250); // the feed's pace, not a wait for a condition
  }
}

interface Harness {
  sup: Supervisor;
  owned: (i: number) => number;
  consumed: () => number;
  fed: { n: number };
}

/**
 * Runs the transform from one instance while the inputs are fed, calls `disturb` meanwhile, waits until
 * every input offset is committed, and checks every output topic against the oracle (read_committed).
 */
async function runDisturbed(feedMs: number, disturb: (h: Harness) => Promise<void>): Promise<number> {
  const names = topicNames(`rebal-${Date.now().toString(36)}.`);
  await admin.ensureTopics(names.all(), 3);
  const byStrategy = knownInputs(PER_INPUT, 5, Date.now() - 60_000);
  // A, B, C and D take turns, so every input topic has a backlog all along.
  const inputs = Array.from({ length: PER_INPUT }, (_, i) => STRATEGIES.map((_, s) => byStrategy[s * PER_INPUT + i]!)).flat();
  const sup = await testSupervisor({ brokers, prefix: names.prefix });
  sup.onLog(
    (_, l) =>
      (l.level === "error" || l.level === "fatal" || /skipped records/.test(l.msg)) && process.stderr.write(`[strategy] ${l.level}: ${l.msg.slice(0, 300)}\n`),
  );
  const strategy = () => sup.view().find((c) => c.name === "strategy")!;
  const h: Harness = {
    sup,
    owned: (i) => strategy().instances[i]?.metrics?.assigned.length ?? 0,
    consumed: () => strategy().instances.reduce((n, i) => n + (i.metrics?.recordsInTotal ?? 0), 0),
    fed: { n: 0 },
  };
  try {
    await sup.start("strategy");
    await waitFor(() => h.owned(0) === 12, "one transform instance to own the inputs");
    const feeding = feed(inputs, names, h.fed, feedMs);
    await disturb(h);
    await feeding;
    await waitFor(() => strategyDrained(kafka, names), "the transform to commit every input", 180_000);
  } finally {
    await sup.stopAll();
  }
  for (const s of STRATEGIES) {
    const want = expectedOutputs(inputs, s);
    const got = await readTopic(kafka, names.name(`${s}_output`), want.length, 120_000, 3000);
    const diff = compareMultisets(multiset(want), multiset(got.map((r) => ({ key: r.key, value: valueOf(r) }))));
    process.stdout.write(`${s}_output: expected ${want.length}, got ${got.length}, missing ${diff.missing}, extra ${diff.extra}\n`);
    expect({ topic: s, ...diff }).toEqual({ topic: s, missing: 0, extra: 0 });
  }
  return inputs.length;
}

beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

describe("exactly once across rebalances", () => {
  it("writes every input exactly once while the transform scales 1 → 2 → 3 → 1 with a backlog in hand", async () => {
    const steps: { to: number; fed: number; consumed: number }[] = [];
    const total = await runDisturbed(15_000, async ({ sup, owned, consumed, fed }) => {
      for (const count of [2, 3, 1]) {
        await waitFor(() => consumed() > 0, "the transform to be working");
        steps.push({ to: count, fed: fed.n, consumed: consumed() });
        await sup.setInstances("strategy", count);
        const shares = () => Array.from({ length: count }, (_, i) => owned(i));
        await waitFor(() => shares().every((n) => n > 0) && shares().reduce((a, b) => a + b) === 12, `${count} instances to share the 12 partitions`);
      }
    });
    process.stdout.write(`scaled ${JSON.stringify(steps)} of ${total} inputs\n`);
    // Not luck: the scale-out happened while inputs were still coming (on a loaded machine the later
    // steps, each waiting for the previous rebalance, may come after the feed).
    expect(steps[0]!.fed).toBeLessThan(total);
  }, 400_000);

  it("commits nothing from a member frozen mid-transaction past its session timeout: the group went on without it", async () => {
    const pauses: { fed: number; pid: number }[] = [];
    let restarts = 0;
    const total = await runDisturbed(30_000, async ({ sup, owned, fed }) => {
      await sup.setInstances("strategy", 2);
      await waitFor(() => owned(0) > 0 && owned(1) > 0, "two instances to own partitions");
      for (let k = 0; k < 2; k++) {
        const pid = sup.pidOf("strategy", 1)!;
        pauses.push({ fed: fed.n, pid });
        process.kill(pid, "SIGSTOP");
        try {
          // Frozen past its session timeout, the member is expelled and instance 0 takes everything.
          await waitFor(() => owned(0) === 12, "instance 0 to take over the frozen member's partitions");
        } finally {
          process.kill(pid, "SIGCONT");
        }
        await waitFor(() => sup.pidOf("strategy", 1) !== null && owned(1) > 0 && owned(0) < 12, "the member to be back in the group");
      }
      restarts = sup.view().find((c) => c.name === "strategy")!.instances[1]!.restarts;
    });
    process.stdout.write(`paused ${JSON.stringify(pauses)} of ${total} inputs; instance 1 restarted ${restarts} times\n`);
    expect(pauses[0]!.fed).toBeLessThan(total);
  }, 400_000);
});
