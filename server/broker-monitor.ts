import type { BrokerNodes, BrokerProcess, BrokerState } from "@/lib/contract/api";
import type { LabAdmin } from "@/kafka/adapter";

export interface BrokerMonitorDeps {
  admin: LabAdmin;
  mode: BrokerState["mode"];
  brokers: string;
  version: string | null;
  /** The embedded broker's JVM as the server last saw it (null with an external cluster). */
  process?: BrokerProcess | null;
  /** Its nodes (null with an external cluster). */
  cluster?: BrokerNodes | null;
  intervalMs?: number;
  clock?: () => number;
  onChange: (state: BrokerState) => void;
}

/** Polls the cluster and reports when what the dashboard shows about it changes. */
export function createBrokerMonitor(deps: BrokerMonitorDeps) {
  const clock = deps.clock ?? Date.now;
  let state: BrokerState = {
    connected: false,
    mode: deps.mode,
    brokers: deps.brokers,
    clusterId: null,
    version: deps.version,
    topics: [],
    error: null,
    process: deps.process ?? null,
    cluster: deps.cluster ?? null,
    at: clock(),
  };
  let timer: NodeJS.Timeout | null = null;
  let polling = false;

  const differs = (a: BrokerState, b: BrokerState) =>
    a.connected !== b.connected ||
    a.clusterId !== b.clusterId ||
    a.error !== b.error ||
    a.topics.join() !== b.topics.join() ||
    a.brokers !== b.brokers ||
    JSON.stringify(a.process) !== JSON.stringify(b.process) ||
    JSON.stringify(a.cluster) !== JSON.stringify(b.cluster);

  const poll = async () => {
    if (polling) return;
    polling = true;
    let next: BrokerState;
    try {
      const cluster = await deps.admin.describeCluster();
      const topics = await deps.admin.listTopics();
      next = { ...state, connected: true, clusterId: cluster.clusterId, topics, error: null, at: clock() };
    } catch (err) {
      next = { ...state, connected: false, error: (err as Error).message, at: clock() };
    } finally {
      polling = false;
    }
    const changed = differs(state, next);
    // The process may have changed while the poll was out (setProcess): keep the newer word on it.
    state = { ...next, process: state.process, cluster: state.cluster, brokers: state.brokers };
    if (changed) deps.onChange(state);
  };

  return {
    state: () => state,
    poll,
    /**
     * The broker's JVM changed (crashed, restarting, running), or a node of it, or the side was switched to
     * another node count (new addresses): say so at once, without waiting for a poll.
     */
    setProcess(process: BrokerProcess | null, side: { cluster?: BrokerNodes | null; brokers?: string } = {}) {
      const next = { ...state, process, cluster: side.cluster ?? state.cluster, brokers: side.brokers ?? state.brokers, at: clock() };
      const changed = differs(state, next);
      state = next;
      if (changed) deps.onChange(state);
      if (process && process.status !== "running") void poll();
    },
    start() {
      void poll();
      timer = setInterval(() => void poll(), deps.intervalMs ?? 2000);
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
export type BrokerMonitor = ReturnType<typeof createBrokerMonitor>;
