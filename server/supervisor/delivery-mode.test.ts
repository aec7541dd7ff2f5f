import { EventEmitter } from "node:events";
import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { createSupervisor } from "./supervisor";
import type { WorkerLaunch, WorkerProcess, WorkerProcessEvents } from "./spawn";
import type { WorkerScripts } from "./worker-scripts";

/** Processes that say "ready" at once and exit when told to stop; every launch is kept. */
function fakeSpawn() {
  const launches: WorkerLaunch[] = [];
  let pid = 1000;
  const spawn = (launch: WorkerLaunch, events: WorkerProcessEvents): WorkerProcess => {
    launches.push(launch);
    const child = Object.assign(new EventEmitter(), { pid: pid++, exitCode: null as number | null, signalCode: null as string | null });
    const exit = (code: number | null, signal: string | null) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      Object.assign(child, { exitCode: code, signalCode: signal });
      child.emit("exit", code, signal);
      events.onExit(code, signal);
    };
    Object.assign(child, { kill: (sig: string) => (queueMicrotask(() => exit(sig === "SIGTERM" ? 0 : null, sig === "SIGTERM" ? null : sig)), true) });
    queueMicrotask(() => events.onMessage({ type: "ready" }));
    return { child: child as unknown as ChildProcess, send: () => undefined };
  };
  return { spawn, launches };
}

const supervisor = () => {
  const fake = fakeSpawn();
  const sup = createSupervisor({ scripts: {} as WorkerScripts, brokers: () => "x:1", settings: () => DEFAULT_SETTINGS, spawn: fake.spawn });
  return { sup, launches: fake.launches };
};
const strategy = (sup: ReturnType<typeof supervisor>["sup"]) => sup.view().find((c) => c.name === "strategy")!;

describe("the transform's delivery mode", () => {
  it("is exactly-once until changed, and starts only the transform in the mode chosen", async () => {
    const { sup, launches } = supervisor();
    expect(strategy(sup).deliveryMode).toBe("exactly-once");
    expect(sup.view().find((c) => c.name === "join")!.deliveryMode).toBeUndefined();
    await sup.setDeliveryMode("at-most-once");
    expect(launches).toHaveLength(0);
    await sup.start("strategy");
    await sup.start("join");
    expect(launches.map((l) => [l.name, l.deliveryMode])).toEqual([
      ["strategy", "at-most-once"],
      ["join", undefined],
    ]);
    expect(strategy(sup).deliveryMode).toBe("at-most-once");
  });

  it("restarts a running transform in the new mode, and back to exactly-once launches it with no mode", async () => {
    const { sup, launches } = supervisor();
    await sup.start("strategy");
    await new Promise((r) => setImmediate(r));
    await sup.setDeliveryMode("at-least-once");
    await sup.setDeliveryMode("at-least-once");
    await sup.setDeliveryMode("exactly-once");
    expect(launches.map((l) => l.deliveryMode)).toEqual([undefined, "at-least-once", undefined]);
  });

  it("keeps the mode when the supervisor restarts a killed transform", async () => {
    const { sup, launches } = supervisor();
    await sup.setDeliveryMode("at-least-once");
    await sup.start("strategy");
    await new Promise((r) => setImmediate(r));
    sup.kill("strategy");
    await expect.poll(() => launches.length, { timeout: 5000 }).toBe(2);
    expect(launches[1]!.deliveryMode).toBe("at-least-once");
  });
});
