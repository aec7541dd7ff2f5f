import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { spawnWorker } from "@/server/supervisor/spawn";
import { buildWorkerScripts } from "@/server/supervisor/worker-scripts";
import { ROOT } from "./pipeline";

/** A stand-in for the server: starts one producer at WORKER_HOST_NICE, prints its pid as JSON, then waits to be killed. */
const scripts = await buildWorkerScripts(ROOT);
const nice = Number(process.env.WORKER_HOST_NICE ?? 0);
const proc = spawnWorker(
  {
    scripts,
    nice,
    name: "producer-A",
    instance: 0,
    brokers: process.env.WORKER_HOST_BROKERS!,
    settings: { ...DEFAULT_SETTINGS, ratePerSecond: 1 },
    topicPrefix: process.env.WORKER_HOST_PREFIX,
    logLevel: "warn",
  },
  {
    onMessage: (m) => m.type === "ready" && process.stdout.write(`${JSON.stringify({ pid: proc.child.pid })}\n`),
    onLog: () => undefined,
    onExit: () => undefined,
  },
);
setInterval(() => undefined, 60_000);
