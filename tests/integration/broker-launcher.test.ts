import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedBroker, type BrokerStep, type EmbeddedBroker, type EmbeddedBrokerOptions } from "@/server/broker";
import { findJava } from "@/server/broker/java";
import { isBrokerCmdline, pidFilePath } from "@/server/broker/pid-file";
import { pollUntil } from "@/lib/retry";
import { isAlive, readCmdline } from "@/server/broker/process-control";
import { produce, testKafka } from "../support/kafka";
import { firstLineJson, niceOf, spawnParent } from "../support/proc";

const REPO = path.resolve(import.meta.dirname, "../..");
// Beside the shared test broker (TEST_KAFKA_PORT, default 19092): this file starts brokers of its own.
const PORT = Number(process.env.TEST_KAFKA_PORT?.trim() || 19092) + 100;
const CACHE_DIR = path.join(REPO, ".lab", "kafka");
const KAFKA_VERSION = process.env.KAFKA_VERSION?.trim() || "4.3.1";

let root: string;
const running: EmbeddedBroker[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "broker-launcher-"));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.stop()));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const freshDataDir = async (name: string) => path.join(await mkdtemp(path.join(root, `${name}-`)), "data");

function options(dataDir: string, steps: BrokerStep[] = [], extra: Partial<EmbeddedBrokerOptions> = {}): EmbeddedBrokerOptions {
  return { port: PORT, dataDir, cacheDir: CACHE_DIR, kafkaVersion: KAFKA_VERSION, log: (s) => steps.push(s), ...extra };
}

async function start(dataDir: string, steps: BrokerStep[] = []): Promise<EmbeddedBroker> {
  const broker = await startEmbeddedBroker(options(dataDir, steps));
  running.push(broker);
  return broker;
}

async function stop(broker: EmbeddedBroker): Promise<void> {
  running.splice(running.indexOf(broker), 1);
  await broker.stop();
}

/** Pids of every live JVM running kafka.Kafka on `dataDir`. */
async function brokerJvms(dataDir: string): Promise<number[]> {
  const pids = (await readdir("/proc")).filter((d) => /^\d+$/.test(d)).map(Number);
  return pids.filter((pid) => isBrokerCmdline(readCmdline(pid), dataDir) && isAlive(pid));
}

const untilNoJvm = (dataDir: string, timeoutMs: number) =>
  pollUntil(async () => ((await brokerJvms(dataDir)).length === 0 ? true : undefined), { timeoutMs, intervalMs: 100 });

const portAccepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

const kafka = (bootstrap: string) => testKafka(bootstrap);

async function createTopicWithRecord(bootstrap: string, topic: string): Promise<void> {
  const admin = kafka(bootstrap).admin();
  await admin.ensureTopics([topic], 1);
  await admin.disconnect();
  await produce(kafka(bootstrap), [{ topic, key: "k", value: "survives restarts", timestamp: Date.now() }]);
}

async function topicState(bootstrap: string, topic: string): Promise<{ exists: boolean; high: string | null }> {
  const admin = kafka(bootstrap).admin();
  try {
    if (!(await admin.listTopics()).includes(topic)) return { exists: false, high: null };
    const offsets = await admin.topicOffsets(topic);
    return { exists: true, high: offsets[0]?.latest ?? null };
  } finally {
    await admin.disconnect();
  }
}

describe("storage across restarts", () => {
  let dataDir: string;
  let firstClusterId: string;

  beforeAll(async () => {
    dataDir = await freshDataDir("persist");
  });

  it("formats storage on first start and becomes ready on 127.0.0.1", async () => {
    const steps: BrokerStep[] = [];
    const broker = await start(dataDir, steps);
    // A slow start repeats "start" (a heartbeat every 15 s): the steps, in order, are these.
    expect([...new Set(steps.map((s) => s.step))]).toEqual(["java", "resolve", "format", "start", "ready"]);
    expect(
      steps
        .filter((s) => s.step === "start")
        .slice(1)
        .every((s) => s.message.startsWith("waiting for the broker to be ready…")),
    ).toBe(true);
    expect(broker.bootstrap).toBe(`127.0.0.1:${PORT}`);
    expect(broker.version).toBe(KAFKA_VERSION);
    expect(broker.clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    firstClusterId = broker.clusterId;
    await createTopicWithRecord(broker.bootstrap, "survivor");
    await stop(broker);
  });

  it("reuses storage on restart: same cluster, no format step, topics and records kept", async () => {
    const steps: BrokerStep[] = [];
    const broker = await start(dataDir, steps);
    expect(steps.map((s) => s.step)).not.toContain("format");
    expect(steps.find((s) => s.step === "resolve")?.message).toContain("from cache");
    expect(broker.clusterId).toBe(firstClusterId);
    expect(await topicState(broker.bootstrap, "survivor")).toEqual({ exists: true, high: "1" });
  });
});

describe("stopping", () => {
  it("stop() ends the JVM, resolves exited and removes the pid file", async () => {
    const dataDir = await freshDataDir("stop");
    const broker = await start(dataDir);
    expect(isAlive(broker.pid)).toBe(true);
    await stop(broker);
    expect(isAlive(broker.pid)).toBe(false);
    expect(await broker.exited).toEqual({ code: null, signal: "SIGTERM" });
    expect(await brokerJvms(dataDir)).toEqual([]);
    await expect(readdir(path.dirname(pidFilePath(dataDir)))).resolves.not.toContain("broker.pid");
  });

  it("a SIGKILLed parent process takes its JVM down with it", async () => {
    const dataDir = await freshDataDir("orphan");
    const parent = spawnBrokerParent(options(dataDir));
    try {
      const { pid } = await firstLineJson<{ pid: number }>(parent);
      expect(isAlive(pid)).toBe(true);
      parent.kill("SIGKILL");
      expect(await untilNoJvm(dataDir, 15_000)).toBe(true);
    } finally {
      parent.kill("SIGKILL");
    }
  });
});

describe("the JVM's process", () => {
  it("runs every JVM thread at the given niceness with its session's CPU share lowered, and trims the native heap where java can", async () => {
    const dataDir = await freshDataDir("nice");
    const broker = await startEmbeddedBroker(options(dataDir, [], { nice: 6 }));
    running.push(broker);
    expect(isBrokerCmdline(readCmdline(broker.pid), dataDir)).toBe(true);
    const threads = (await readdir(`/proc/${broker.pid}/task`)).map(Number);
    expect(threads.length).toBeGreaterThan(10);
    expect(new Set(threads.map((tid) => niceOf(broker.pid, tid)))).toEqual(new Set([6]));
    const autogroup = `/proc/${broker.pid}/autogroup`;
    if (existsSync(autogroup)) expect(readFileSync(autogroup, "utf8")).toMatch(/nice 6/);
    expect(readCmdline(broker.pid)).toEqual(expect.arrayContaining((await findJava()).extraOptions));
    expect((await findJava()).extraOptions).toEqual(["-XX:TrimNativeHeapInterval=5000"]);
  });
});

describe("recovery after a killed run", () => {
  it("removes a stale pid file without touching the unrelated process it names", async () => {
    const dataDir = await freshDataDir("stale");
    await start(dataDir).then(stop);
    await writeFile(pidFilePath(dataDir), `${process.pid}\n`);
    const steps: BrokerStep[] = [];
    const broker = await start(dataDir, steps);
    expect(steps.find((s) => s.step === "recover")?.message).toContain("stale pid file");
    expect(isAlive(process.pid)).toBe(true);
    expect(broker.pid).not.toBe(process.pid);
  });

  it("stops a broker JVM left running on the same data dir, then starts", async () => {
    const dataDir = await freshDataDir("leftover");
    const first = await start(dataDir);
    const argv = readCmdline(first.pid) ?? [];
    await stop(first);
    const leftover = spawn(argv[0] ?? "java", argv.slice(1), { detached: true, stdio: "ignore" });
    try {
      await writeFile(pidFilePath(dataDir), `${leftover.pid}\n`);
      expect(await pollUntil(async () => ((await portAccepts(PORT)) ? true : undefined), { timeoutMs: 60_000 })).toBe(true);
      const steps: BrokerStep[] = [];
      const broker = await start(dataDir, steps);
      expect(steps.find((s) => s.step === "recover")?.message).toContain(`pid ${leftover.pid}`);
      expect(isAlive(leftover.pid ?? 0)).toBe(false);
      expect(await brokerJvms(dataDir)).toEqual([broker.pid]);
    } finally {
      leftover.kill("SIGKILL");
    }
  });
});

describe("clear failures", () => {
  it("refuses a data dir whose broker another live run still supervises", async () => {
    const dataDir = await freshDataDir("shared");
    const owner = await start(dataDir);
    const second = startEmbeddedBroker(options(dataDir, [], { port: PORT + 10 }));
    await expect(second).rejects.toMatchObject({ code: "DATA_DIR_IN_USE", message: expect.stringContaining(`pid ${owner.pid}`) });
    expect(isAlive(owner.pid)).toBe(true);
  });

  it("fails fast naming the port and the fix when the broker port is taken, without starting a JVM", async () => {
    const dataDir = await freshDataDir("port");
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(PORT, "127.0.0.1", resolve));
    try {
      const failure = startEmbeddedBroker(options(dataDir));
      await expect(failure).rejects.toMatchObject({
        code: "PORT_IN_USE",
        message: expect.stringContaining(`Port ${PORT}`),
        fix: expect.stringContaining("KAFKA_PORT="),
      });
      expect(await brokerJvms(dataDir)).toEqual([]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("asks to install Java 17 when no java is on PATH", async () => {
    const dataDir = await freshDataDir("nojava");
    const env = { ...process.env, PATH: "/nonexistent", JAVA_HOME: "" };
    await expect(startEmbeddedBroker(options(dataDir, [], { env }))).rejects.toMatchObject({
      code: "JAVA_MISSING",
      fix: expect.stringContaining("install Java 17"),
    });
  });
});

/** A separate Node process that starts a broker, prints its pid, then idles until killed. */
function spawnBrokerParent(opts: EmbeddedBrokerOptions): ChildProcess {
  const script = `
    const { startEmbeddedBroker } = await import(process.env.BROKER_MODULE);
    const broker = await startEmbeddedBroker(JSON.parse(process.env.BROKER_OPTIONS));
    process.stdout.write(JSON.stringify({ pid: broker.pid }) + "\\n");
    setInterval(() => {}, 60_000);
  `;
  const { log: _log, ...serializable } = opts;
  return spawnParent(REPO, script, { BROKER_MODULE: path.join(REPO, "server/broker/index.ts"), BROKER_OPTIONS: JSON.stringify(serializable) });
}
