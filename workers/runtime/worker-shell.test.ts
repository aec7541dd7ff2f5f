import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import type { SupervisorMessage, WorkerMessage } from "@/lib/contract/ipc";
import { createMemoryKafka } from "@/kafka/memory";
import { createLogger } from "@/lib/log";
import { pollUntil } from "@/lib/retry";
import { loadWorkerConfig } from "./config";
import { WorkerMetrics } from "./metrics";
import { superviseWorker, type RunningWorker, type WorkerHost } from "./worker-shell";

/** A process for the shell to run in: what it sent, how it ended, and a way to send it messages and signals. */
function fakeProcess(stopDeadlineMs = 10_000) {
  const sent: WorkerMessage[] = [];
  const exits: { code: number; now: boolean }[] = [];
  let onMessage: (msg: SupervisorMessage) => void = () => undefined;
  let onSignal: (why: string) => void = () => undefined;
  const config = loadWorkerConfig({
    NODE_ENV: "test",
    KAFKA_BROKERS: "127.0.0.1:1",
    LAB_COMPONENT: "strategy",
    LAB_SETTINGS: JSON.stringify(DEFAULT_SETTINGS),
    LAB_METRICS_INTERVAL_MS: "50",
  });
  const host: WorkerHost = {
    config,
    log: createLogger("shell-test", "silent"),
    kafka: createMemoryKafka() as unknown as WorkerHost["kafka"],
    parent: { send: (m) => void sent.push(m), onMessage: (h) => void (onMessage = h) },
    clock: Date.now,
    exit: (code) => void exits.push({ code, now: false }),
    exitNow: (code) => void exits.push({ code, now: true }),
    onSignal: (stop) => void (onSignal = stop),
    stopDeadlineMs,
  };
  const ended = () => pollUntil(() => exits[0], { timeoutMs: 5000, intervalMs: 5 });
  return { host, sent, ended, message: (m: SupervisorMessage) => onMessage(m), signal: (why: string) => onSignal(why) };
}

const worker = (stop: () => Promise<void> = async () => undefined): RunningWorker => ({ metrics: new WorkerMetrics(Date.now), stop });
const kinds = (sent: WorkerMessage[]) => sent.map((m) => m.type);

describe("the worker shell", () => {
  it("says it is ready, reports its metrics at once and every interval, and on a stop message stops in order and exits 0", async () => {
    const p = fakeProcess();
    let stopped = false;
    superviseWorker(
      async () =>
        worker(async () => {
          stopped = true;
        }),
      p.host,
    );
    await pollUntil(() => (p.sent.filter((m) => m.type === "metrics").length >= 3 ? true : undefined), { timeoutMs: 5000, intervalMs: 5 });
    expect(kinds(p.sent).slice(0, 2)).toEqual(["ready", "metrics"]);
    p.message({ type: "stop" });
    expect(await p.ended()).toEqual({ code: 0, now: false });
    expect(stopped).toBe(true);
    expect(kinds(p.sent).at(-1)).toBe("metrics");
  });

  it("ends the process at the deadline when the orderly stop hangs after a SIGTERM", async () => {
    const p = fakeProcess(100);
    superviseWorker(async () => worker(() => new Promise<void>(() => undefined)), p.host);
    await pollUntil(() => (kinds(p.sent).includes("ready") ? true : undefined), { timeoutMs: 5000, intervalMs: 5 });
    p.signal("SIGTERM");
    expect(await p.ended()).toEqual({ code: 0, now: true });
  });

  it("reports a failed start as fatal, with its reason, and exits 1 so the supervisor restarts it", async () => {
    const p = fakeProcess();
    superviseWorker(async () => {
      throw new Error("no group coordinator");
    }, p.host);
    expect(await p.ended()).toEqual({ code: 1, now: false });
    expect(p.sent).toEqual([{ type: "fatal", error: "no group coordinator" }]);
  });

  it("treats a failing stop as a failure: fatal and exit 1, not a clean end", async () => {
    const p = fakeProcess();
    superviseWorker(async () => worker(() => Promise.reject(new Error("commit failed"))), p.host);
    await pollUntil(() => (kinds(p.sent).includes("ready") ? true : undefined), { timeoutMs: 5000, intervalMs: 5 });
    p.signal("SIGINT");
    expect(await p.ended()).toEqual({ code: 1, now: false });
    expect(p.sent.at(-1)).toEqual({ type: "fatal", error: "commit failed" });
  });
});
