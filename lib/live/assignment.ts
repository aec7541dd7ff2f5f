import type { InstanceView } from "@/lib/contract/api";
import { assignmentOf, type Owned } from "./experiments";

/**
 * Who owns which partition, as far as the members' own reports can tell. Each member reports its
 * assignment separately, about once a second, so between two group generations the reports disagree:
 * one member already owns its new partitions while another still shows its old ones (or a restarted
 * member has not joined yet). Then the view says "rebalancing" instead of showing two owners.
 */
export type AssignmentState = { kind: "stable"; generation: number | null; owned: Map<number, Owned[]> } | { kind: "rebalancing"; generation: number | null };

const latestOf = (gens: readonly (number | null)[]): number | null => {
  const known = gens.filter((g): g is number => g !== null);
  return known.length ? Math.max(...known) : null;
};

/** The newest group generation a running member reports, or null when none has joined. */
export function latestGeneration(instances: readonly InstanceView[]): number | null {
  return latestOf(instances.filter((i) => i.status === "running").map((i) => i.metrics?.generation ?? null));
}

/**
 * Stable only when every running member has joined the same, newest generation and no partition is
 * reported by two members; otherwise rebalancing.
 */
export function assignmentState(instances: readonly InstanceView[], base: (t: string) => string = (t) => t): AssignmentState {
  const running = instances.filter((i) => i.status === "running");
  const gens = running.map((i) => i.metrics?.generation ?? null);
  const generation = latestOf(gens);
  if (gens.some((g) => g === null || g !== generation)) return { kind: "rebalancing", generation };
  const owned = assignmentOf(instances, base);
  const seen = new Set<string>();
  for (const list of owned.values()) {
    for (const o of list) {
      const id = `${o.topic}-${o.partition}`;
      if (seen.has(id)) return { kind: "rebalancing", generation };
      seen.add(id);
    }
  }
  return { kind: "stable", generation, owned };
}

export interface RebalanceCount {
  /** The newest generation seen, or null before any. */
  generation: number | null;
  count: number;
  /** When the count last went up (0 never). */
  at: number;
}

export const NO_REBALANCES: RebalanceCount = { generation: null, count: 0, at: 0 };

/**
 * Counts the group's rebalances from its generation ids: each completed rebalance raises the generation
 * by one, so a jump of two (a killed member leaving, then its restart joining) is two rebalances, even
 * if the page saw no report in between. The first generation seen is the starting point; a lower one
 * means the group was made anew (one more). Returns `prev` itself when nothing changed.
 */
export function countRebalances(prev: RebalanceCount, generation: number | null, now: number): RebalanceCount {
  if (generation === null || generation === prev.generation) return prev;
  if (prev.generation === null) return { ...prev, generation };
  const more = generation > prev.generation ? generation - prev.generation : 1;
  return { generation, count: prev.count + more, at: now };
}
