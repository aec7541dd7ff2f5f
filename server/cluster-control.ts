import { RequestError } from "@/lib/errors";
import type { BrokerNode, BrokerNodes, BrokerProcess, NodeCount } from "@/lib/contract/api";
import { bootstrapOf, clusterLayout, startEmbeddedCluster, type EmbeddedCluster, type EmbeddedClusterOptions, type NodeLayout } from "./broker";
import { BrokerControlError, createBrokerControl, type BrokerControl } from "./broker-control";
import { aggregateProcess } from "./cluster-state";

export interface ClusterControlDeps {
  /** The launcher's options for a node count; null with an external cluster: there is nothing here to control. */
  options: ((nodes: NodeCount) => EmbeddedClusterOptions) | null;
  /** The count the lab started with. */
  count: NodeCount;
  /** KAFKA_NODES is set: the count is the environment's, not the card's to switch. */
  fromEnv?: boolean;
  initial: EmbeddedCluster | null;
  start?: (options: EmbeddedClusterOptions) => Promise<EmbeddedCluster>;
  /** A switched count runs: keep it for the next start. */
  persist?: (nodes: NodeCount) => void;
  clock?: () => number;
  /** One line for the terminal. */
  say?: (line: string) => void;
}

interface Node {
  layout: NodeLayout;
  control: BrokerControl;
}

/**
 * Owns the embedded broker side while the lab runs: one node or three, each watched by its own broker control
 * (./broker-control.ts: a crash nobody asked for is restarted with backoff, a kill or stop asked for is not).
 * Stops and starts the whole side (the broker-restart experiment), or one node (the cluster's experiments),
 * and switches between one node and three.
 */
export function createClusterControl(deps: ClusterControlDeps) {
  const launch = deps.start ?? startEmbeddedCluster;
  const say = deps.say ?? (() => {});
  const listeners = new Set<(p: BrokerProcess) => void>();
  let count = deps.count;
  let cluster: EmbeddedCluster | null = null;
  let nodes: Node[] = [];
  /** Set while the side is switched: what it is doing, since no node speaks for it then. */
  let transition: "stopping" | "starting" | null = null;
  let switchReason: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const nodeStates = (): BrokerNode[] =>
    nodes.map(({ layout, control }) => ({ ...control.state()!, id: layout.id, port: layout.port, controllerPort: layout.controllerPort }));
  const state = (): BrokerProcess | null => {
    if (!deps.options) return null;
    if (transition) return { status: transition, pid: null, reason: null, crashes: 0, restartAt: null };
    if (!nodes.length) return { status: "stopped", pid: null, reason: switchReason, crashes: 0, restartAt: null };
    return aggregateProcess(nodeStates());
  };
  const emit = () => {
    const s = state();
    if (s) for (const l of listeners) l(s);
  };

  const adopt = (c: EmbeddedCluster) => {
    cluster = c;
    const base = deps.options!(count);
    nodes = c.layout.map((layout, i) => {
      const control = createBrokerControl({
        options: { ...base, port: layout.port, controllerPort: layout.controllerPort, dataDir: layout.dataDir },
        initial: c.nodes[i] ?? null,
        start: () => c.startNode(layout.id),
        clock: deps.clock,
        say: c.layout.length > 1 ? (line) => say(line.replace("[kafka] ", `[kafka] node ${layout.id}: `)) : say,
      });
      control.onChange(emit);
      return { layout, control };
    });
  };
  if (deps.initial) adopt(deps.initial);

  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const external = () => Promise.reject(new BrokerControlError("the broker is external (KAFKA_BROKERS is set): stop and start it where it runs"));
  const node = (id: number): BrokerControl => {
    const found = nodes.find((n) => n.layout.id === id);
    if (found) return found.control;
    throw new RequestError(404, `there is no broker node ${id}: the nodes are ${nodes.map((n) => n.layout.id).join(", ") || "not running"}`);
  };
  const onNode = (action: "kill" | "stop" | "start") => (id: number) => (deps.options ? serially(() => node(id)[action]()) : external());
  const allNodes = (action: "stop" | "start") => () =>
    deps.options ? serially(async () => void (await Promise.all(nodes.map((n) => n.control[action]())))) : external();

  const replace = async (next: NodeCount) => {
    transition = "stopping";
    emit();
    await Promise.all(nodes.map((n) => n.control.close()));
    nodes = [];
    cluster = null;
    transition = "starting";
    emit();
    const previous = count;
    count = next;
    try {
      adopt(await launch(deps.options!(next)));
      switchReason = null;
      deps.persist?.(next);
      say(`[kafka] ✓ now ${next === 1 ? "one node" : `${next} nodes`}: ${cluster!.bootstrap}`);
    } catch (err) {
      count = previous;
      switchReason = `could not start ${next} nodes: ${(err as Error).message.split("\n")[0]}`;
      say(`[kafka] ✗ ${switchReason}; starting ${previous === 1 ? "one node" : `${previous} nodes`} again`);
      await launch(deps.options!(previous)).then(adopt, () => undefined);
      throw err;
    } finally {
      transition = null;
      emit();
    }
  };

  return {
    embedded: deps.options !== null,
    count: () => count,
    /** Every node's address, comma-separated: what clients bootstrap from. */
    bootstrap: () => cluster?.bootstrap ?? bootstrapOf(clusterLayout({ basePort: deps.options?.(count).port ?? 0, nodes: count, dataDir: "" })),
    current: () => cluster,
    /** The whole side as one process (the broker card, /api/health). */
    state,
    /** Each node (null with an external cluster). */
    cluster: (): BrokerNodes | null => (deps.options ? { count, fromEnv: deps.fromEnv ?? false, nodes: nodeStates() } : null),
    onChange(l: (p: BrokerProcess) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    /** Every node, gracefully; stopped by hand, they stay stopped. */
    stop: allNodes("stop"),
    /** Every node, together: a cluster's node is ready only once a majority of the quorum runs. */
    start: allNodes("start"),
    /** SIGKILL one node; it is not started again by itself. */
    killNode: onNode("kill"),
    /** Stop one node gracefully (SIGTERM, waits for it to exit). */
    stopNode: onNode("stop"),
    /** Start one node again, on its own data dir. */
    startNode: onNode("start"),
    /** Stops the side and starts it with `next` nodes (another data dir: the lab's topics are made anew there). */
    setNodeCount(next: NodeCount): Promise<void> {
      if (!deps.options) return external();
      if (deps.fromEnv && next !== count) {
        return Promise.reject(new BrokerControlError(`KAFKA_NODES=${count} is set: it decides the number of nodes; unset it to switch here`));
      }
      return serially(() => (next === count ? Promise.resolve() : replace(next)));
    },
    /** The app is shutting down: no more restarts, and every node stops. */
    close: async () => {
      await queue;
      await Promise.all(nodes.map((n) => n.control.close()));
    },
  };
}
export type ClusterControl = ReturnType<typeof createClusterControl>;
