import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { getPriority } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type ComponentStatus } from "@/lib/contract/api";
import { topicNames } from "@/lib/contract/topics";
import { testBrokers } from "../support/broker";
import { testKafka, waitFor } from "../support/kafka";
import { ROOT, testSupervisor } from "../support/pipeline";
import { alive, sessionOf } from "../support/proc";

const brokers = testBrokers().join(",");
const names = topicNames(`sup-${Date.now().toString(36)}.`);
const admin = testKafka(brokers).admin();

beforeAll(() => admin.ensureTopics(names.all(), 3));
afterAll(() => admin.disconnect());

describe("the supervisor", () => {
  it("restarts a worker killed with SIGKILL and reports the crash with its reason", async () => {
    const sup = await testSupervisor({ brokers, prefix: names.prefix });
    const seen: ComponentStatus[] = [];
    sup.onChange((name) => name === "strategy" && seen.push(sup.view().find((c) => c.name === "strategy")!.status));
    const strategy = () => sup.view().find((c) => c.name === "strategy")!;
    try {
      await sup.start("strategy");
      await waitFor(() => strategy().status === "running", "strategy to run");
      const firstPid = strategy().pid!;
      process.kill(firstPid, "SIGKILL");
      await waitFor(() => strategy().status === "crashed", "the crash to be seen");
      expect(strategy().reason).toMatch(/SIGKILL/);
      await waitFor(() => strategy().status === "running" && strategy().pid !== firstPid, "the restart");
      expect(strategy().restarts).toBe(1);
      expect(seen).toEqual(expect.arrayContaining(["starting", "running", "crashed"]));
    } finally {
      await sup.stopAll();
    }
    expect(strategy().status).toBe("stopped");
  });

  it("stops producers before workers and leaves no process behind; runs them all at the given niceness, each leading its own session with that CPU share", async () => {
    const sup = await testSupervisor({ brokers, prefix: names.prefix, settings: { ...DEFAULT_SETTINGS, ratePerSecond: 50 }, nice: 7 });
    await sup.startAll();
    await waitFor(() => sup.view().every((c) => c.status === "running"), "every component to run");
    const pids = sup.view().map((c) => c.pid!);
    expect(pids.map((pid) => getPriority(pid))).toEqual(pids.map(() => 7));
    expect(pids.map(sessionOf)).toEqual(pids);
    if (existsSync(`/proc/${pids[0]}/autogroup`))
      expect(pids.map((pid) => readFileSync(`/proc/${pid}/autogroup`, "utf8").trim().split(" nice ")[1])).toEqual(pids.map(() => "7"));
    const stoppedOrder: string[] = [];
    sup.onChange((name) => sup.view().find((c) => c.name === name)!.status === "stopped" && stoppedOrder.push(name));
    await sup.stopAll();
    expect(stoppedOrder.slice(0, 4).every((n) => n.startsWith("producer-"))).toBe(true);
    expect(stoppedOrder.slice(4).sort()).toEqual(["aggregate", "join", "strategy"]);
    expect(pids.filter(alive)).toEqual([]);
  });

  it("a worker in its own session still exits when the process that started it is SIGKILLed", async () => {
    const host = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests", "support", "worker-host.ts")], {
      cwd: ROOT,
      env: { ...process.env, WORKER_HOST_NICE: "5", WORKER_HOST_BROKERS: brokers, WORKER_HOST_PREFIX: names.prefix },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const [line] = (await once(createInterface({ input: host.stdout! }), "line")) as [string];
      const { pid } = JSON.parse(line) as { pid: number };
      expect(sessionOf(pid)).toBe(pid);
      host.kill("SIGKILL");
      await waitFor(() => !alive(pid), "the orphaned worker to exit");
    } finally {
      host.kill("SIGKILL");
    }
  });

  it("scales a worker out to two consumer-group members that split the partitions, and back in", async () => {
    const sup = await testSupervisor({ brokers, prefix: names.prefix });
    const strategy = () => sup.view().find((c) => c.name === "strategy")!;
    const owned = (i: number) => strategy().instances[i]?.metrics?.assigned.map((a) => `${a.topic}:${a.partition}`) ?? [];
    try {
      await sup.start("strategy");
      await waitFor(() => owned(0).length === 12, "one instance to own all 12 input partitions");
      await sup.setInstances("strategy", 2);
      await waitFor(() => owned(0).length > 0 && owned(1).length > 0 && owned(0).length + owned(1).length === 12, "the rebalance to split the partitions");
      expect(new Set([...owned(0), ...owned(1)]).size).toBe(12);
      expect(strategy().desiredInstances).toBe(2);
      sup.kill("strategy", 1);
      await waitFor(() => strategy().instances[1]!.restarts === 1 && strategy().instances[1]!.status === "running", "the killed instance to be restarted");
      await sup.setInstances("strategy", 1);
      await waitFor(() => strategy().instances.length === 1 && owned(0).length === 12, "one instance to own everything again");
    } finally {
      await sup.stopAll();
    }
  });
});
