import path from "node:path";
import type { NodeCount } from "@/lib/contract/api";
import { replicationFor } from "@/lib/pipeline/replication";
import { bootstrapOf, clusterLayout, lastPort, quorumVoters, type NodeLayout } from "./cluster-layout";
import { BrokerError } from "./errors";
import { findJava, type JavaInstall } from "./java";
import { describeRuntime, ensureFormatted, launch, recover, resolveOptions, timed, writeConfig, type ConfigFiles, type NodeOptions } from "./node";
import { assertPortsFree } from "./ports";
import { provisionKafka, type KafkaRuntime } from "./provision";
import { isFormatted, newClusterId, readClusterId } from "./storage";
import type { BrokerStep, EmbeddedBroker, EmbeddedBrokerOptions } from "./types";

export interface EmbeddedClusterOptions extends Omit<EmbeddedBrokerOptions, "port" | "controllerPort" | "nodeId" | "quorumVoters" | "replication" | "logFile"> {
  /** KAFKA_PORT: node i listens on port + 2(i-1), its controller one above (cluster-layout.ts). */
  port: number;
  nodes: NodeCount;
  /** One node keeps its storage here; three get `<dataDir>/node-<i>`, with logs beside as `node-<i>.log`. */
  dataDir: string;
}

export interface EmbeddedCluster {
  /** Every node's "127.0.0.1:port", comma-separated. */
  bootstrap: string;
  clusterId: string;
  version: string;
  layout: NodeLayout[];
  /** The nodes as started, in id order (a node started again later is what startNode returned). */
  nodes: EmbeddedBroker[];
  /** Starts that node's JVM again, with its data dir and config, after it stopped or was killed. */
  startNode(id: number): Promise<EmbeddedBroker>;
  /** Stops every node started here and still running. */
  stop(): Promise<void>;
}

interface Prepared {
  java: JavaInstall;
  runtime: KafkaRuntime;
  nodes: { options: NodeOptions; files: ConfigFiles }[];
  clusterId: string;
}

/**
 * One node or three real KRaft nodes on 127.0.0.1, each its own JVM, data dir and pid file, all of them
 * controller quorum voters. The steps are the lone broker's (embedded-broker.ts), per node where they are
 * per node; the JVMs start together, since none is ready before a majority of the quorum runs.
 */
export async function startEmbeddedCluster(opts: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  const prepared = await prepare(opts);
  const started = await Promise.allSettled(prepared.nodes.map((n) => launch(n.options, prepared.java, prepared.runtime, n.files, prepared.clusterId)));
  const nodes = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await Promise.all(nodes.map((n) => n.stop()));
    throw failed.reason;
  }
  return clusterHandle(opts, prepared, nodes);
}

/** The options of each node of a cluster, as startEmbeddedBroker would take them (the tests start nodes by hand). */
export function nodeOptions(opts: EmbeddedClusterOptions): NodeOptions[] {
  const layout = clusterLayout({ basePort: opts.port, nodes: opts.nodes, dataDir: path.resolve(opts.dataDir) });
  const cluster = opts.nodes > 1;
  const log = opts.log ?? (() => {});
  return layout.map((n) =>
    resolveOptions({
      ...opts,
      ...n,
      nodeId: n.id,
      quorumVoters: cluster ? quorumVoters(layout) : undefined,
      replication: replicationFor(opts.nodes),
      logFile: cluster ? `${n.dataDir}.log` : undefined,
      log: cluster ? (s: BrokerStep) => log({ ...s, message: `node ${n.id}: ${s.message}` }) : log,
    }),
  );
}

async function prepare(opts: EmbeddedClusterOptions): Promise<Prepared> {
  const all = nodeOptions(opts);
  const first = all[0]!;
  const java = await timed(
    first,
    "java",
    () => findJava(first.env),
    (j) => `Java ${j.version.raw} (${j.path})`,
  );
  for (const o of all) await recover(o);
  const span = lastPort(opts.port, opts.nodes) - opts.port + 1;
  for (const o of all) await assertPortsFree({ ...o, nodeId: opts.nodes > 1 ? o.nodeId : undefined, span });
  const progress = (m: string) => opts.log?.({ step: "resolve", message: m });
  const runtime = await timed(opts.log ? { log: opts.log } : first, "resolve", () => provisionKafka({ ...first, progress }), describeRuntime(first));
  const files = await Promise.all(all.map((o) => writeConfig(o)));
  const clusterId = (await sharedClusterId(all)) ?? newClusterId();
  await Promise.all(all.map((o, i) => ensureFormatted(o, java.path, runtime, files[i]!, clusterId)));
  return { java, runtime, clusterId, nodes: all.map((options, i) => ({ options, files: files[i]! })) };
}

/**
 * The id every node's storage is formatted with: the one the formatted nodes already share (a node whose
 * storage was deleted joins it again), or a new one. Nodes of two different clusters cannot be one.
 */
async function sharedClusterId(nodes: NodeOptions[]): Promise<string | undefined> {
  const formatted = nodes.filter((o) => isFormatted(o.dataDir));
  const ids = await Promise.all(formatted.map(async (o) => ({ o, id: await readClusterId(o.dataDir) })));
  const distinct = [...new Set(ids.map((i) => i.id))];
  if (distinct.length > 1) {
    const which = ids.map((i) => `${i.o.dataDir}: ${i.id}`).join(", ");
    throw new BrokerError({
      code: "FORMAT_FAILED",
      message: `The nodes' storage belongs to different Kafka clusters (${which}), so they cannot form one.`,
      fix: `delete ${path.dirname(nodes[0]!.dataDir)} to start the cluster from empty storage (all topics are lost)`,
    });
  }
  return distinct[0];
}

function clusterHandle(opts: EmbeddedClusterOptions, prepared: Prepared, initial: EmbeddedBroker[]): EmbeddedCluster {
  const layout = prepared.nodes.map(({ options: o }) => ({ id: o.nodeId, port: o.port, controllerPort: o.controllerPort, dataDir: o.dataDir }));
  const current = new Map(initial.map((b, i) => [layout[i]!.id, b]));
  const startNode = async (id: number) => {
    const node = prepared.nodes.find((n) => n.options.nodeId === id);
    if (!node) throw new Error(`no node ${id}: this cluster has nodes ${layout.map((n) => n.id).join(", ")}`);
    await recover(node.options);
    await assertPortsFree({ ...node.options, nodeId: opts.nodes > 1 ? id : undefined });
    const broker = await launch(node.options, prepared.java, prepared.runtime, node.files, prepared.clusterId);
    current.set(id, broker);
    return broker;
  };
  return {
    bootstrap: bootstrapOf(layout),
    clusterId: prepared.clusterId,
    version: opts.kafkaVersion,
    layout,
    nodes: initial,
    startNode,
    stop: async () => {
      await Promise.all([...current.values()].map((b) => b.stop()));
    },
  };
}
