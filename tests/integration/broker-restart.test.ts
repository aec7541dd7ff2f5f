import { rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { COMPONENT_NAMES, DEFAULT_SETTINGS, type ComponentName } from "@/lib/contract/api";
import { STRATEGIES } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { DEFAULT_KAFKA_VERSION, startEmbeddedBroker, type EmbeddedBroker } from "@/server/broker";
import { status, strategyCommitted, strategyDrained, strategyOutputs } from "../support/chaos";
import { testKafka, waitFor } from "../support/kafka";
import { ROOT, testSupervisor } from "../support/pipeline";

/** A broker of this test's own (not the shared test broker), stopped and started again on the same data. */
const PORT = Number(process.env.TEST_KAFKA_PORT?.trim() || 19092) + 40;
const LAB = path.join(ROOT, ".lab");
const DATA_DIR = path.join(LAB, `restart-broker-${PORT}`);
const brokerOptions = {
  port: PORT,
  controllerPort: PORT + 1,
  dataDir: DATA_DIR,
  cacheDir: path.join(LAB, "kafka"),
  kafkaVersion: process.env.KAFKA_VERSION?.trim() || DEFAULT_KAFKA_VERSION,
};
const BACK_WITHIN_MS = 15_000;
const PRODUCERS = STRATEGIES.map((s) => `producer-${s}` as ComponentName);
const brokers = `127.0.0.1:${PORT}`;
let broker: EmbeddedBroker | null = null;

afterAll(async () => {
  await broker?.stop();
  await rm(DATA_DIR, { recursive: true, force: true });
});

describe("broker restart", () => {
  it("producers and workers reconnect by themselves, the pipeline runs again within 15 s, and nothing acknowledged is lost", async () => {
    await rm(DATA_DIR, { recursive: true, force: true });
    broker = await startEmbeddedBroker(brokerOptions);
    const kafka = testKafka(brokers);
    const names = topicNames(`restart-${Date.now().toString(36)}.`);
    const admin = kafka.admin();
    await admin.ensureTopics(names.all(), 3);
    await admin.disconnect();
    const settings = { ...DEFAULT_SETTINGS, ratePerSecond: 100, joinWindowMs: 1000 };
    const sup = await testSupervisor({ brokers, prefix: names.prefix, settings });
    sup.onLog((name, line) => line.level === "fatal" && process.stdout.write(`[restart] ${name} failed: ${line.msg.slice(0, 200)}\n`));
    const allRunning = () => COMPONENT_NAMES.every((n) => status(sup, n).status === "running");
    try {
      await sup.startAll();
      await waitFor(allRunning, "every component to run");
      await waitFor(async () => (await strategyCommitted(kafka, names)) > 500n, "the pipeline to flow before the stop");

      await broker.stop();
      const downAt = Date.now();
      await sleep(5000); // the outage: the one fixed wait, like the spacing of kills
      broker = await startEmbeddedBroker(brokerOptions);
      const backAt = Date.now();
      process.stdout.write(`[restart] broker down ${((backAt - downAt) / 1000).toFixed(1)} s in all\n`);

      const before = await strategyCommitted(kafka, names);
      await waitFor(async () => (await strategyCommitted(kafka, names)) > before + 100n, "outputs to flow again", BACK_WITHIN_MS);
      const flowingAfter = Date.now() - backAt;
      await waitFor(allRunning, "every component to run again", BACK_WITHIN_MS);
      process.stdout.write(
        `[restart] outputs flowing ${(flowingAfter / 1000).toFixed(1)} s after the broker was back; restarts ${JSON.stringify(Object.fromEntries(sup.view().map((c) => [c.name, c.restarts])))}\n`,
      );

      for (const p of PRODUCERS) await sup.stop(p);
      await waitFor(() => strategyDrained(kafka, names), "the strategy worker to commit every input", 60_000);
      for (const c of await strategyOutputs(kafka, names)) {
        process.stdout.write(`[restart] ${c.strategy}: ${c.want.length} inputs, ${c.got.length} outputs\n`);
        expect(c.got).toEqual(c.want);
      }
    } finally {
      await sup.stopAll();
    }
  }, 300_000);
});
