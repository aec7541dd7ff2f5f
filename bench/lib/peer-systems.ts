/**
 * Starting and stopping each system of the peer comparison on a set of prefixed topics: our strategy
 * worker, the Kafka Streams application, the Spark job. Every one runs niced in its own session with a
 * lowered session share, as the app runs its workers (bench/README.md items 11 and 21).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { TopicNames } from "@/lib/contract/topics";
import { lowerSessionCpuShare } from "@/server/os/cpu-priority";
import type { BenchDeps } from "./deps";
import { waitFor } from "./kafka";
import type { KafkaStreamsApp, SparkInstall } from "./peer-install";
import type { SystemName } from "./peers";
import { startBenchWorkers } from "./workers";

export interface RunningSystem {
  /** The roots of the processing processes so far (CPU and RSS are taken over them and their descendants). */
  roots(): number[];
  /** How often a failed process was started again, as the app's supervisor does. */
  restarts(): number;
  stop(): Promise<void>;
}

export interface SystemLauncher {
  name: SystemName;
  start(names: TopicNames): Promise<RunningSystem>;
}

export function oursLauncher(deps: BenchDeps): SystemLauncher {
  return {
    name: "ours",
    async start(names) {
      const launch = () => startBenchWorkers(deps.root, deps.brokers, names, [{ name: "strategy" }], { partitions: 3 }, deps.workerNice);
      let current = await launch();
      const pids = [current.workers[0]!.pid];
      let restarting: Promise<void> | null = null;
      let restarts = 0;
      // The app's supervisor starts a failed worker again (from its last commit); so does the bench, or one failure loses the run.
      const watch = setInterval(() => {
        if (restarting || !current.workers[0]!.exited) return;
        restarts++;
        deps.log(`peers: our strategy worker exited; starting it again (restart ${restarts})`);
        restarting = launch().then(
          (next) => {
            current = next;
            pids.push(next.workers[0]!.pid);
            restarting = null;
          },
          (err: unknown) => deps.log(`peers: our strategy worker could not be started again: ${String(err)}`),
        );
      }, 250);
      return {
        roots: () => pids,
        restarts: () => restarts,
        stop: async () => {
          clearInterval(watch);
          await restarting;
          await current.stop();
        },
      };
    },
  };
}

export function kafkaStreamsLauncher(deps: BenchDeps, app: KafkaStreamsApp): SystemLauncher {
  return {
    name: "kafka-streams",
    async start(names) {
      const id = `${names.prefix}kstreams`;
      const stateDir = path.join(deps.root, ".lab", "peers", "kafka-streams", "state", id);
      await mkdir(stateDir, { recursive: true });
      const sys = await spawnPeer(deps, "kafka-streams", "java", [...app.javaArgs, deps.brokers, names.prefix, id, stateDir], {});
      return { ...sys, stop: () => sys.stop().then(() => rm(stateDir, { recursive: true, force: true })) };
    },
  };
}

export function sparkLauncher(deps: BenchDeps, spark: SparkInstall): SystemLauncher {
  return {
    name: "spark",
    async start(names) {
      const checkpoint = path.join(deps.root, ".lab", "peers", "spark", "checkpoints", names.prefix);
      await rm(checkpoint, { recursive: true, force: true });
      const script = path.join(deps.root, "bench", "peers", "spark", "strategy_job.py");
      // Loopback only, and no web UI: nothing of Spark's listens beyond this machine.
      const submit = [
        `--jars ${spark.jars.join(",")}`,
        "--conf spark.ui.enabled=false",
        "--conf spark.ui.showConsoleProgress=false",
        "--conf spark.driver.host=127.0.0.1",
        "--conf spark.driver.bindAddress=127.0.0.1",
        "pyspark-shell",
      ].join(" ");
      const env = { PYSPARK_SUBMIT_ARGS: submit, PYSPARK_PYTHON: spark.python, SPARK_LOCAL_IP: "127.0.0.1" };
      const sys = await spawnPeer(deps, "spark", spark.python, [script, deps.brokers, names.prefix, checkpoint], env);
      return { ...sys, stop: () => sys.stop().then(() => rm(checkpoint, { recursive: true, force: true })) };
    },
  };
}

/**
 * Start a peer niced in its own session (process group), its output to .lab/peers/<name>.log, and wait
 * for it to print RUNNING. Stopping sends SIGTERM to the whole group, then SIGKILL after 20 s.
 */
async function spawnPeer(deps: BenchDeps, name: string, cmd: string, args: string[], env: Record<string, string>): Promise<RunningSystem> {
  const logFile = path.join(deps.root, ".lab", "peers", `${name}.log`);
  const out = createWriteStream(logFile, { flags: "a" });
  const child = spawn("nice", ["-n", String(deps.workerNice), cmd, ...args], {
    cwd: deps.root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...deps.config.env, ...env },
  });
  const pid = child.pid;
  if (!pid) throw new Error(`${name} could not be started (${cmd})`);
  for (const problem of lowerSessionCpuShare(pid, deps.workerNice)) deps.log(`${name}: ${problem}`);
  let running = false;
  let exited = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    if (chunk.toString().includes("RUNNING")) running = true;
    out.write(chunk);
  });
  child.stderr!.pipe(out);
  child.on("exit", () => (exited = true));
  const stop = () => stopGroup(child, pid).finally(() => out.end());
  try {
    await waitFor(() => running || exited, `${name} to start (log: ${path.relative(deps.root, logFile)})`, 240_000);
  } catch (err) {
    await stop();
    throw err;
  }
  if (exited) throw new Error(`${name} exited before it was running (log: ${path.relative(deps.root, logFile)})`);
  return { roots: () => [pid], restarts: () => 0, stop };
}

function stopGroup(child: ChildProcess, pid: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // the group is gone already
    }
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => signal("SIGKILL"), 20_000);
    child.once("exit", () => {
      clearTimeout(timer);
      // A Spark JVM outlives its Python driver for a moment: make sure nothing of the group is left.
      signal("SIGKILL");
      resolve();
    });
    signal("SIGTERM");
  });
}
