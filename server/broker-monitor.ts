import type { BrokerState } from "@/lib/contract/api";
import type { LabAdmin } from "./kafka/adapter";

export interface BrokerMonitorDeps {
  admin: LabAdmin;
  mode: BrokerState["mode"];
  brokers: string;
  version: string | null;
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
    at: clock(),
  };
  let timer: NodeJS.Timeout | null = null;
  let polling = false;

  const differs = (a: BrokerState, b: BrokerState) =>
    a.connected !== b.connected || a.clusterId !== b.clusterId || a.error !== b.error || a.topics.join() !== b.topics.join();

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
    state = next;
    if (changed) deps.onChange(state);
  };

  return {
    state: () => state,
    poll,
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
