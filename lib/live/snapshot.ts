import type { BrokerState, ComponentName, ComponentView, PipelineView } from "@/lib/contract/api";

/** What the learner's page has seen and done: everything a lesson's completion may depend on. */
export interface LiveSnapshot {
  broker: BrokerState | null;
  pipeline: PipelineView | null;
  /** Records the page has been told about, per topic, since it opened. */
  seen: Readonly<Record<string, number>>;
  /** Largest consumer lag the page has seen, per topic. */
  maxLag: Readonly<Record<string, number>>;
  /** Join matches the page has been told about. */
  matchesSeen: number;
  /** Things the learner did in the UI, e.g. `view-topic:A_input`, `pause-tail`, `stop:strategy`. */
  actions: readonly string[];
}

export const emptySnapshot = (): LiveSnapshot => ({
  broker: null,
  pipeline: null,
  seen: {},
  maxLag: {},
  matchesSeen: 0,
  actions: [],
});

export function component(s: LiveSnapshot, name: ComponentName): ComponentView | undefined {
  return s.pipeline?.components.find((c) => c.name === name);
}

export const isRunning = (s: LiveSnapshot, name: ComponentName) => component(s, name)?.status === "running";

export const producedTotal = (s: LiveSnapshot, name: ComponentName) => component(s, name)?.metrics?.recordsOutTotal ?? 0;

export const did = (s: LiveSnapshot, action: string) => s.actions.includes(action);

export function withAction(s: LiveSnapshot, action: string): LiveSnapshot {
  return did(s, action) ? s : { ...s, actions: [...s.actions, action].slice(-200) };
}

export function withSeen(s: LiveSnapshot, topic: string, n: number): LiveSnapshot {
  if (n <= 0) return s;
  return { ...s, seen: { ...s.seen, [topic]: (s.seen[topic] ?? 0) + n } };
}

export function withLag(s: LiveSnapshot, topic: string, lag: number): LiveSnapshot {
  if (lag <= (s.maxLag[topic] ?? 0)) return s;
  return { ...s, maxLag: { ...s.maxLag, [topic]: lag } };
}
