import type { JoinSideRecord } from "@/lib/contract/socket";

/** How much event time the timeline shows: enough to see a few windows, not so much it blurs. */
export function visibleSpan(windowMs: number): number {
  return Math.min(Math.max(4 * windowMs, 30_000), 10 * 60_000);
}

/** Keys to draw as lanes: the ones seen most recently, at most `max`, in a stable order. */
export function laneKeys(records: readonly JoinSideRecord[], max: number): string[] {
  const recent: string[] = [];
  for (let i = records.length - 1; i >= 0 && recent.length < max; i--) {
    const k = records[i]!.key ?? "∅";
    if (!recent.includes(k)) recent.push(k);
  }
  const none = recent.filter((k) => k === "∅");
  return [...recent.filter((k) => k !== "∅").sort((a, b) => a.localeCompare(b, "en", { numeric: true })), ...none];
}
