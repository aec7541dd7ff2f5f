import type { ComponentName } from "@/lib/contract/api";
import type { Action, LiveSnapshot, Observation } from "@/lib/live/snapshot";

/**
 * What a lesson's completion rule sees: the broker and pipeline as they are now, and only what the
 * learner did and the page saw since the lesson was opened. Nothing from before counts.
 */
export interface LessonView {
  now: Pick<LiveSnapshot, "broker" | "pipeline">;
  openedAt: number;
  actions: readonly Action[];
  observations: readonly Observation[];
}

export function lessonView(s: LiveSnapshot, openedAt: number): LessonView {
  return {
    now: { broker: s.broker, pipeline: s.pipeline },
    openedAt,
    actions: s.actions.filter((a) => a.at >= openedAt),
    observations: s.observations.filter((o) => o.at >= openedAt),
  };
}

/** When the learner first did one of `names` at or after `after` (default: since the lesson opened), or null. */
export function firstAt(v: LessonView, names: string | readonly string[], after = v.openedAt): number | null {
  const list = typeof names === "string" ? [names] : names;
  return v.actions.find((a) => a.at >= after && list.includes(a.name))?.at ?? null;
}

/** Actions whose name starts with `prefix`, since the lesson opened: their suffixes, in order. */
export const actionsLike = (v: LessonView, prefix: string): string[] =>
  v.actions.filter((a) => a.name.startsWith(prefix)).map((a) => a.name.slice(prefix.length));

/** The learner started this component here (its own Start, or Start all). */
export const startedAt = (v: LessonView, name: ComponentName, after = v.openedAt) => firstAt(v, [`start:${name}`, "start:all"], after);
/** The learner stopped this component here (its own Stop, or Stop all). */
export const stoppedAt = (v: LessonView, name: ComponentName, after = v.openedAt) => firstAt(v, [`stop:${name}`, "stop:all"], after);

/** The first observation at or after `after` that satisfies `pred`. */
export function observedAt<K extends Observation["kind"]>(
  v: LessonView,
  kind: K,
  pred: (o: Extract<Observation, { kind: K }>) => boolean,
  after: number | null = v.openedAt,
): number | null {
  if (after === null) return null;
  const hit = v.observations.find(
    (o): o is Extract<Observation, { kind: K }> => o.kind === kind && o.at >= after && pred(o as Extract<Observation, { kind: K }>),
  );
  return hit?.at ?? null;
}

/** Records of `topic` the page was told about in [from, to). */
export function seenBetween(v: LessonView, topic: string, from: number | null, to = Infinity): number {
  if (from === null) return 0;
  return v.observations.reduce((n, o) => (o.kind === "seen" && o.topic === topic && o.at >= from && o.at < to ? n + o.n : n), 0);
}
