import { COMPONENT_NAMES, componentKind, type ComponentName, type Settings } from "@/lib/contract/api";

export interface RestartNeeded {
  setting: string;
  components: ComponentName[];
  note: string;
}

export type PartitionPlan =
  | { kind: "none" }
  /** Kafka cannot remove partitions: the request is refused. */
  | { kind: "refuse"; message: string }
  /** Grow the topics; stop `restart` first (producers first) and start it again after (workers first). */
  | { kind: "grow"; to: number; restart: ComponentName[] };

/**
 * What a requested partition count means for topics that have `current` partitions (0: not created
 * yet) while `running` components run. Growing while running restarts everything that runs, so that
 * producers, the transform and the join all hash keys over the same count: a producer still writing
 * D over 3 partitions while the transform writes C over 6 splits a key's C and D apart, and the
 * co-partitioned join never sees those pairs.
 */
export function planPartitionChange(requested: number | undefined, current: number, running: readonly ComponentName[]): PartitionPlan {
  if (requested === undefined || current === 0 || requested === current) return { kind: "none" };
  if (requested < current) {
    return {
      kind: "refuse",
      message: `partitions: the topics already have ${current} partitions and Kafka cannot remove partitions; choose ${current} or more (or delete the topics to start smaller)`,
    };
  }
  const order = [...COMPONENT_NAMES.filter((n) => componentKind(n) === "worker"), ...COMPONENT_NAMES.filter((n) => componentKind(n) === "producer")];
  return { kind: "grow", to: requested, restart: order.filter((n) => running.includes(n)) };
}

/**
 * Which changed settings cannot reach what is running without a restart, and what was restarted.
 * Rate, keys and disorder reach running producers live; the join's window and watermark delay, and the
 * aggregation's window, slide, watermark delay and output mode, are fixed for the life of their
 * state. A component in `restarted` has already started again with the new settings.
 */
export function restartsNeeded(before: Settings, after: Settings, running: ComponentName[], restarted: ComponentName[] = []): RestartNeeded[] {
  const out: RestartNeeded[] = [];
  const pending = (name: ComponentName) => running.includes(name) && !restarted.includes(name);
  for (const setting of ["joinWindowMs", "watermarkDelayMs"] as const) {
    if (before[setting] !== after[setting] && pending("join")) {
      out.push({
        setting,
        components: ["join"],
        note: `${setting} applies when the join restarts (its buffered state was built with the old value); stop and start "join".`,
      });
    }
  }
  for (const setting of ["aggWindowMs", "aggSlideMs", "aggWatermarkDelayMs", "aggOutputMode"] as const) {
    if (before[setting] !== after[setting] && pending("aggregate")) {
      out.push({
        setting,
        components: ["aggregate"],
        note: `${setting} applies when the aggregation restarts (its open windows were built with the old value); stop and start "aggregate".`,
      });
    }
  }
  if (restarted.length > 0) {
    out.push({
      setting: "partitions",
      components: restarted,
      note: `restarted so that every producer and worker uses ${after.partitions} partitions; keys now hash to other partitions, so a key's new records no longer follow its old ones in order.`,
    });
  }
  return out;
}
