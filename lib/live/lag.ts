/**
 * Consumer-group lag as the server measures it: per partition, the topic's end offset minus the
 * offset the group committed (a partition never committed counts from its earliest offset). It needs
 * nothing from the workers, so it keeps counting while a killed worker is gone.
 */

export interface PartitionEnds {
  topic: string;
  partitions: readonly { partition: number; earliest: string; latest: string }[];
}

export interface CommittedOffset {
  topic: string;
  partition: number;
  /** Kafka's answer: "-1" when the group never committed this partition. */
  offset: string;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  end: number;
  committed: number | null;
  lag: number;
}

export function groupLag(ends: readonly PartitionEnds[], committed: readonly CommittedOffset[]): { total: number; partitions: PartitionLag[] } {
  const partitions: PartitionLag[] = [];
  for (const t of ends) {
    for (const p of t.partitions) {
      const c = committed.find((o) => o.topic === t.topic && o.partition === p.partition)?.offset;
      const known = c !== undefined && !c.startsWith("-") ? Number(c) : null;
      const end = Number(p.latest);
      partitions.push({ topic: t.topic, partition: p.partition, end, committed: known, lag: Math.max(0, end - (known ?? Number(p.earliest))) });
    }
  }
  partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return { total: partitions.reduce((n, p) => n + p.lag, 0), partitions };
}

export interface LagPoint {
  at: number;
  lag: number;
}

export interface LagEpisode {
  /** The last lag measured before `since` (0 when none was). */
  base: number;
  /** The highest lag measured since, and when. */
  peak: number;
  peakAt: number | null;
  /** Lag went above the base. */
  rose: boolean;
  /** After its peak, lag came back down to within a tenth of the rise above the base. */
  fell: boolean;
}

/**
 * What lag did after `since` (a kill): it rises while nobody consumes the partitions, and falls once
 * the restarted worker catches up. With producers still running lag seldom returns to exactly the base,
 * so "fell" means back within a tenth of the rise above the base.
 */
export function lagEpisode(points: readonly LagPoint[], since: number): LagEpisode {
  const base = points.findLast((p) => p.at < since)?.lag ?? 0;
  let peak = base;
  let peakAt: number | null = null;
  let fell = false;
  for (const p of points) {
    if (p.at < since) continue;
    if (p.lag > peak) {
      peak = p.lag;
      peakAt = p.at;
      fell = false;
    } else if (peakAt !== null && p.lag <= base + (peak - base) / 10) fell = true;
  }
  return { base, peak, peakAt, rose: peakAt !== null, fell };
}
