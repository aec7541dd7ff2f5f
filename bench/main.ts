import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createKafkaAdapter } from "@/kafka/adapter";
import { createLogger } from "@/lib/log";
import { loadBenchConfig } from "./config";
import { benchBroker } from "./lib/broker";
import { flatten, table, targets } from "./lib/report";
import type { BenchDeps } from "./lib/deps";
import { runThroughput } from "./scenarios/throughput";
import { runLatency } from "./scenarios/latency";
import { runJoin } from "./scenarios/join";
import { runPageAndMemory } from "./scenarios/page";
import { runCluster } from "./scenarios/cluster";
import { runPeers, type PeerScenarioResult } from "./scenarios/peers";
import { peerTable } from "./lib/peers";

const ROOT = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const withPeers = args.includes("--peers");
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

const config = loadBenchConfig();
// The cluster scenario runs the app's own three nodes: alone, it needs no bench broker.
const broker = only?.every((s) => s === "cluster")
  ? { brokers: "127.0.0.1:1", pid: null, heapMb: null, stop: async () => undefined }
  : await benchBroker(ROOT, config, log);
const kafka = createKafkaAdapter({ brokers: broker.brokers.split(","), clientId: "bench", log: createLogger("bench", config.logLevel) });
const run = Date.now().toString(36);
let fresh = 0;
const deps: BenchDeps = {
  root: ROOT,
  brokers: broker.brokers,
  brokerPid: broker.pid,
  kafka,
  quick,
  config,
  workerNice: config.workerNice,
  freshPrefix: (l) => `bench-${run}-${l}${++fresh}.`,
  log,
};
const want = (s: string) => !only || only.includes(s);
const results: Record<string, unknown> = { at: new Date().toISOString(), quick };
const attempt = async <T>(name: string, fn: () => Promise<T>): Promise<T | { error: string }> => {
  try {
    return await fn();
  } catch (err) {
    log(`✗ ${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
    return { error: String(err) };
  }
};
try {
  if (want("page")) Object.assign(results, await attempt("page", () => runPageAndMemory(deps)));
  if (want("throughput")) results.throughput = await attempt("throughput", () => runThroughput(deps));
  if (want("latency"))
    results.latency = {
      "1000": await attempt("latency 1000", () => runLatency(deps, 1000)),
      "10000": await attempt("latency 10000", () => runLatency(deps, 10000)),
    };
  if (want("join")) results.join = await attempt("join", () => runJoin(deps));
  if (want("join")) results.joinAt4000 = await attempt("join at 4000", () => runJoin(deps, 4_000, 1, 60_000));
  if (want("cluster")) results.cluster = await attempt("cluster", () => runCluster(deps));
  if (withPeers && want("peers")) results.peers = await attempt("peers", () => runPeers(deps));
} finally {
  await broker.stop();
}
await mkdir(path.join(ROOT, "bench"), { recursive: true });
const flat = flatten(results);
const met = targets(flat);
const peers = results.peers && !("error" in (results.peers as object)) ? (results.peers as PeerScenarioResult) : null;
const out = {
  ...flat,
  ...(peers ? { oursBesidePeers: peers.ours, peers: peers.peers, ratios: peers.ratios, peersSkipped: peers.skipped } : {}),
  targets: met,
  details: results,
  machine: { cores: (await import("node:os")).cpus().length, loadavg: (await import("node:os")).loadavg() },
};
await writeFile(path.join(ROOT, "bench", "results.json"), JSON.stringify(out, null, 2));
console.log(JSON.stringify(flat, null, 2));
if (peers) console.log(`\nPeers (${peers.how}):\n${peerTable(peers)}`);
console.log(
  `\n${table(met)}\n(${quick ? "--quick run: shorter durations; only the full run counts" : "full run"}; how each figure was taken: bench/results.json → details.*.how)`,
);
process.exit(0);
