import { COMPONENT_NAMES, READ_AT_START, componentKind, workersToRestart, type ComponentName, type Settings } from "@/lib/contract/api";

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
 * The running workers a settings change must restart: the join's window and watermark delay, and the
 * aggregation's window, slide, watermark delay and output mode, are read once at start (its state is
 * built with them). Rate, keys and disorder reach running producers live.
 */
export function settingRestarts(before: Settings, after: Settings, running: readonly ComponentName[]): ComponentName[] {
  return workersToRestart(before, after).filter((w) => running.includes(w));
}

/**
 * What a change restarted, and why (the PUT answer's `restartNeeded`): `restarted` were stopped
 * gracefully for a read-at-start setting and started with the new value, `grown` around a partition
 * growth. A stopped worker is not listed: it reads the new value when it starts.
 */
export function restartsNeeded(before: Settings, after: Settings, restarted: readonly ComponentName[], grown: readonly ComponentName[] = []): RestartNeeded[] {
  const out: RestartNeeded[] = [];
  for (const worker of workersToRestart(before, after)) {
    if (!restarted.includes(worker) && !grown.includes(worker)) continue;
    for (const setting of READ_AT_START[worker]) {
      if (before[setting] === after[setting]) continue;
      out.push({
        setting,
        components: [worker],
        note: `restarted "${worker}" with ${setting} = ${after[setting]}: stopped gracefully (its last transaction committed), then started again; it rebuilds its state from its committed offsets, so no output is lost or written twice.`,
      });
    }
  }
  if (grown.length > 0) {
    out.push({
      setting: "partitions",
      components: [...grown],
      note: `restarted so that every producer and worker uses ${after.partitions} partitions; keys now hash to other partitions, so a key's new records no longer follow its old ones in order.`,
    });
  }
  return out;
}
