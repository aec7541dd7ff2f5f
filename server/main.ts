import http from "node:http";
import path from "node:path";
import next from "next";
import type { NodeCount } from "@/lib/contract/api";
import { clusterLayout, formatStep, isBrokerError, startEmbeddedCluster, type EmbeddedCluster, type EmbeddedClusterOptions } from "./broker";
import { lastPort } from "./broker/cluster-layout";
import { createNodeCountStore } from "./broker/node-count-store";
import { createClusterControl } from "./cluster-control";
import { routeConsole } from "./console-route";
import { ConfigError, loadServerConfig, type ServerConfig } from "./config";
import { attachLiveFeeds } from "./live";
import { createRequestListener } from "./http/admit";
import type { GuardPolicy } from "./http/guard";
import { hostAllowList, isLoopback } from "./http/hosts";
import { createLogger, createSay, type Logger } from "@/lib/log";
import { readyLine } from "./ready-line";
import { createLabRuntime, type LabRuntime } from "./runtime";
import { setRuntime } from "./runtime-access";
import { buildWorkerScripts } from "./supervisor/worker-scripts";
import { createSocketHub } from "./socket/hub";

const ROOT = path.resolve(import.meta.dirname, "..");
// Plain lines until the config says the format (LOG_FORMAT=json makes them JSON records).
let say = createSay("pretty");

function loadConfigOrExit(): ServerConfig {
  try {
    return loadServerConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`\n${err.message}\n\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** The launcher's options for a node count: one node keeps the data dir it always had, three have their own. */
function brokerOptions(config: ServerConfig): ((nodes: NodeCount) => EmbeddedClusterOptions) | null {
  if (config.brokerMode === "external") return null;
  return (nodes) => ({
    port: config.kafkaPort,
    nodes,
    dataDir: path.join(config.dataDir, nodes === 1 ? "kafka-data" : "kafka-cluster"),
    cacheDir: path.join(config.dataDir, "kafka"),
    kafkaVersion: config.kafkaVersion,
    heapMb: config.kafkaHeapMb,
    nice: config.kafkaNice,
    log: (step) => say(formatStep(step)),
  });
}

async function startBroker(config: ServerConfig, options: EmbeddedClusterOptions | null): Promise<EmbeddedCluster | null> {
  if (!options) {
    say(`[kafka] using the cluster at ${config.kafkaBrokers.join(",")} (KAFKA_BROKERS is set)`);
    return null;
  }
  if (options.nodes > 1) say(`[kafka] starting a cluster of ${options.nodes} nodes on ports ${options.port}–${lastPort(options.port, options.nodes)}`);
  try {
    return await startEmbeddedCluster(options);
  } catch (err) {
    if (isBrokerError(err)) {
      process.stderr.write(`\n[kafka] ✗ ${err.message}\n        fix: ${err.fix}\n\n`);
      process.exit(1);
    }
    throw err;
  }
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE") {
        reject(new Error(`port ${port} on ${host} is already in use: stop what uses it, or start with PORT=${port + 1} npm start`));
      } else reject(err);
    });
    server.listen(port, host, () => resolve());
  });
}

/** A clean stop (the learner's Ctrl-C or SIGTERM) resumes nothing at the next start; any other end does. */
function onShutdown(log: Logger, stopAll: (clean: boolean) => Promise<void>) {
  let stopping = false;
  const stop = (why: string, code: number, clean = false) => {
    if (stopping) {
      say("[lab] stopping now");
      process.exit(code || 130);
    }
    stopping = true;
    say(`\n[lab] ${why}: stopping producers, workers and the broker…`);
    stopAll(clean).then(
      () => process.exit(code),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT", 0, true));
  process.on("SIGTERM", () => stop("SIGTERM", 0, true));
  // Started by `npm start` with an IPC channel: if that launcher dies, so do we (and our broker and workers).
  if (process.send) process.on("disconnect", () => stop("launcher gone", 0));
  // The message only (the stack with LOG_LEVEL=debug): the logger's format decides.
  process.on("uncaughtException", (err) => {
    log.error({ err }, "unexpected error");
    stop("crash", 1);
  });
}

async function main() {
  const config = loadConfigOrExit();
  // `npm start` passes when it began, so the ready line counts the install, build and broker start too.
  const started = config.startedAt ?? Date.now() - process.uptime() * 1000;
  const dev = process.argv.includes("--dev");
  const log = createLogger("lab", config.logLevel, config.logFormat);
  say = createSay(config.logFormat);
  const consoleRoute = routeConsole(log);
  if (!isLoopback(config.host)) {
    if (!config.dashboardToken) {
      process.stderr.write(
        `[lab] ✗ HOST=${config.host} would let other machines start and stop processes here.\n` +
          "        fix: set DASHBOARD_TOKEN (e.g. DASHBOARD_TOKEN=$(openssl rand -hex 16)) and open the dashboard as /?token=<token>, or leave HOST unset.\n",
      );
      process.exit(2);
    }
    say(`[lab] warning: HOST=${config.host} makes the dashboard reachable from other machines; every request must present DASHBOARD_TOKEN.`);
    if (!config.allowedHosts.length)
      say(
        "[lab] list the names other machines open it by in LAB_ALLOWED_HOSTS (e.g. LAB_ALLOWED_HOSTS=my-laptop.local,192.168.1.20): any name but HOST and loopback is answered 421.",
      );
  }
  const scripts = await buildWorkerScripts(ROOT);
  const options = brokerOptions(config);
  // KAFKA_NODES wins; else what the broker card last chose; else one node.
  const nodeCounts = createNodeCountStore(config.dataDir);
  const nodes = config.kafkaNodes ?? nodeCounts.get() ?? 1;
  const broker = await startBroker(config, options?.(nodes) ?? null);
  const brokerControl = createClusterControl({
    options,
    count: nodes,
    fromEnv: config.kafkaNodes !== null,
    initial: broker,
    persist: nodeCounts.set,
    say,
  });
  let rt: LabRuntime | null = null;
  onShutdown(log, async (clean) => {
    await rt?.shutdown({ clean });
    await brokerControl.close();
  });

  rt = createLabRuntime({
    scripts,
    workerNice: config.workerNice,
    brokers: broker?.bootstrap ?? config.kafkaBrokers.join(","),
    mode: config.brokerMode,
    brokerVersion: broker?.version ?? null,
    dataDir: config.dataDir,
    topicPrefix: config.topicPrefix,
    logLevel: config.logLevel,
    log,
    brokerControl,
    retention: { retentionMs: config.retentionMs, totalBytes: config.retentionMb * 1024 * 1024 },
    resume: config.resume,
    brokerLogDirs: options
      ? () => {
          const o = options(brokerControl?.count() ?? nodes);
          return clusterLayout({ basePort: o.port, nodes: o.nodes, dataDir: o.dataDir }).map((n) => n.dataDir);
        }
      : null,
  });
  setRuntime(rt);
  await rt.pipeline.ensureTopics().catch((err: Error) => log.warn({ err: err.message }, "could not create topics yet"));

  const app = next({ dev, dir: ROOT, hostname: config.host, port: config.port });
  consoleRoute.setQuiet(true);
  await app.prepare();
  consoleRoute.setQuiet(false);
  const handle = app.getRequestHandler();
  const policy: GuardPolicy = {
    token: config.dashboardToken,
    allowedHosts: hostAllowList({ host: config.host, port: config.port, extra: config.allowedHosts }),
  };
  const server = http.createServer(createRequestListener(policy, handle, log));
  const io = createSocketHub(server, rt, policy);
  attachLiveFeeds({ io, kafka: rt.kafka, getPipeline: rt.pipeline.view, names: rt.names, clusterView: rt.cluster.view, injected: rt.injected });
  await listen(server, config.port, config.host);
  void rt.resumeAfterUncleanStop(say);
  say(readyLine({ startedAt: started, now: Date.now(), host: config.host, port: config.port, token: config.dashboardToken }));
}

main().catch((err: Error) => {
  process.stderr.write(`[lab] ✗ ${err.message}\n`);
  process.exit(1);
});
