import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PipelineView, type BrokerProcess } from "@/lib/contract/api";
import { STRATEGIES } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { startApp, type RunningApp } from "../support/app";
import { strategyCommitted, strategyDrained, strategyOutputs } from "../support/chaos";
import { testKafka, waitFor } from "../support/kafka";
import { processesMentioning } from "../support/lab-processes";

/** The app's own embedded broker (not the shared test broker): this test kills it. */
const PORT = Number(process.env.TEST_KAFKA_PORT?.trim() || 19092) + 80;
let app: RunningApp | null = null;
afterAll(() => app?.stop());

interface Health {
  broker: { connected: boolean; process: BrokerProcess | null };
}
const health = async (a: RunningApp) => (await (await fetch(`${a.url}/api/health`)).json()) as Health;
const brokerProcess = async (a: RunningApp) => (await health(a)).broker.process!;
const upAgain = async (a: RunningApp, oldPid: number) => {
  const h = await health(a);
  return h.broker.connected && h.broker.process?.status === "running" && h.broker.process.pid !== oldPid;
};
const send = (a: RunningApp, route: string, method = "POST", body?: unknown) =>
  fetch(`${a.url}${route}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
/** JVMs running kafka.Kafka on the app's broker data dir. */
const brokerJvms = (a: RunningApp) =>
  processesMentioning(path.join(a.dataDir, "kafka-data")).filter((p) => p.cmdline.includes("kafka.Kafka") && !p.cmdline.startsWith("bash"));

describe("the embedded broker killed with SIGKILL", () => {
  it("is reported crashed with the reason at once, started again by itself, and the pipeline's outputs stay exact", async () => {
    app = await startApp({ KAFKA_BROKERS: "", KAFKA_PORT: String(PORT) });
    const a = app;
    await waitFor(async () => (await health(a)).broker.connected, "the embedded broker to be connected", 120_000);
    expect(await brokerProcess(a)).toMatchObject({ status: "running", crashes: 0, reason: null });
    expect((await send(a, "/api/settings", "PUT", { ratePerSecond: 100, keys: 1000 })).status).toBe(200);
    expect((await send(a, "/api/pipeline/start")).status).toBe(202);
    const pipeline = async () => PipelineView.parse(await (await fetch(`${a.url}/api/pipeline`)).json());
    await waitFor(async () => (await pipeline()).components.every((c) => c.status === "running"), "every component to run", 120_000);
    const kafka = testKafka(`127.0.0.1:${PORT}`);
    const names = topicNames(a.topicPrefix);
    await waitFor(async () => (await strategyCommitted(kafka, names)) > 500n, "the pipeline to flow before the crash", 120_000);

    const { pid } = await brokerProcess(a);
    process.kill(pid!, "SIGKILL");
    await waitFor(async () => /SIGKILL/.test((await brokerProcess(a)).reason ?? ""), "the crash to be reported with its reason", 5000);
    expect(await brokerProcess(a)).toMatchObject({ crashes: 1, pid: null });
    await waitFor(() => upAgain(a, pid!), "the broker to be started again by itself", 120_000);
    expect(brokerJvms(a)).toHaveLength(1);

    const before = await strategyCommitted(kafka, names);
    await waitFor(async () => (await strategyCommitted(kafka, names)) > before + 100n, "outputs to flow again", 120_000);
    await waitFor(async () => (await pipeline()).components.every((c) => c.status === "running"), "every component to run again", 120_000);
    for (const s of STRATEGIES) expect((await send(a, `/api/components/producer-${s}/stop`)).status).toBe(202);
    await waitFor(() => strategyDrained(kafka, names), "the strategy worker to commit every input", 120_000);
    for (const c of await strategyOutputs(kafka, names)) {
      process.stdout.write(`[broker-crash] ${c.strategy}: ${c.want.length} inputs, ${c.got.length} outputs\n`);
      expect(c.got).toEqual(c.want);
    }
  }, 600_000);

  it("starts again at once on POST /api/broker/start after a crash, without waiting for the planned restart", async () => {
    const a = app!;
    const { pid } = await brokerProcess(a);
    process.kill(pid!, "SIGKILL");
    await waitFor(async () => (await brokerProcess(a)).pid !== pid, "the crash to be noticed", 5000);
    const res = await send(a, "/api/broker/start");
    expect(res.status).toBe(202);
    // The start is done when it answers: the dead handle did not make it a no-op.
    expect(await brokerProcess(a)).toMatchObject({ status: "running", reason: null });
    expect((await brokerProcess(a)).pid).not.toBe(pid);
    await waitFor(() => upAgain(a, pid!), "the broker to be connected", 60_000);
    expect(brokerJvms(a)).toHaveLength(1);
  }, 300_000);
});
