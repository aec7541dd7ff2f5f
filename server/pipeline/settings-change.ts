import type { ComponentName, Settings } from "@/lib/contract/api";

export interface RestartNeeded {
  setting: string;
  components: ComponentName[];
  note: string;
}

/**
 * Which changed settings cannot reach what is running without a restart.
 * Rate, keys and disorder reach running producers live; the join's window and watermark delay, and the
 * aggregation's window, slide, watermark delay and output mode, are fixed for the life of their state; partitions can only grow (Kafka cannot remove partitions).
 */
export function restartsNeeded(
  before: Settings,
  after: Settings,
  running: ComponentName[],
  currentPartitions: number,
): RestartNeeded[] {
  const out: RestartNeeded[] = [];
  const joinRunning = running.includes("join");
  for (const setting of ["joinWindowMs", "watermarkDelayMs"] as const) {
    if (before[setting] !== after[setting] && joinRunning) {
      out.push({
        setting,
        components: ["join"],
        note: `${setting} applies when the join restarts (its buffered state was built with the old value); stop and start "join".`,
      });
    }
  }
  const aggRunning = running.includes("aggregate");
  for (const setting of ["aggWindowMs", "aggSlideMs", "aggWatermarkDelayMs", "aggOutputMode"] as const) {
    if (before[setting] !== after[setting] && aggRunning) {
      out.push({
        setting,
        components: ["aggregate"],
        note: `${setting} applies when the aggregation restarts (its open windows were built with the old value); stop and start "aggregate".`,
      });
    }
  }
  if (after.partitions < currentPartitions) {
    out.push({
      setting: "partitions",
      components: [],
      note: `the topics already have ${currentPartitions} partitions and Kafka cannot remove partitions; the new count applies to topics created from now on (delete the topics to shrink them).`,
    });
  }
  return out;
}
