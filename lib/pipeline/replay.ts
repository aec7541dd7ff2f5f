/**
 * Pure rules behind rewinding a stopped worker's consumer group: which `at` is a sane point in
 * time, when the group may be rewound (no members left), how long to wait for that, and what the
 * answer says about each partition. No I/O: the caller passes the group's description, the clock
 * and the offsets it fetched.
 */

/** Kafka's classic group states, as DescribeGroups names them. */
export type GroupState = "Empty" | "Dead" | "Stable" | "PreparingRebalance" | "CompletingRebalance" | (string & {});

export interface GroupMember {
  memberId: string;
  clientId: string;
  host: string;
}

export interface GroupDescription {
  groupId: string;
  state: GroupState;
  members: GroupMember[];
}

/** A timestamp replay cannot start before this (2000-01-01T00:00:00Z): earlier is a unit mistake, not a wish. */
export const REPLAY_MIN_AT = Date.UTC(2000, 0, 1);
/** How far ahead of the server's clock a browser's clock may be. */
export const REPLAY_CLOCK_SKEW_MS = 5 * 60_000;

/** Why `at` (epoch ms) cannot be replayed to, or null when it can. */
export function invalidReplayAt(at: number, now: number, skewMs = REPLAY_CLOCK_SKEW_MS): string | null {
  if (!Number.isFinite(at)) return "at: must be a number of epoch milliseconds";
  if (at < REPLAY_MIN_AT) return `at: ${at} is before the year 2000; give epoch milliseconds, e.g. ${now - 5 * 60_000} for five minutes ago`;
  if (at > now + skewMs) {
    return `at: ${new Date(Math.min(at, 8.64e15)).toISOString()} is in the future (server time ${new Date(now).toISOString()}); there is nothing to replay after now`;
  }
  return null;
}

/** Whether Kafka will accept new offsets for the group: only with no member left (Empty, or Dead: never used). */
export const groupIsEmpty = (g: GroupDescription) => g.members.length === 0 && (g.state === "Empty" || g.state === "Dead");

/** What is still in the way of a rewind, in words a learner can act on. */
export function groupBusyReason(g: GroupDescription): string {
  if (g.members.length > 0) {
    const who = g.members.map((m) => `${m.clientId}@${m.host.replace(/^\//, "")}`).join(", ");
    const n = g.members.length;
    return `the group ${g.groupId} still has ${n} member${n === 1 ? "" : "s"}: ${who} (state ${g.state}); a stopped worker leaves it within its session timeout`;
  }
  return `the group ${g.groupId} is still rebalancing (state ${g.state})`;
}

export interface WaitDeps {
  describe: () => Promise<GroupDescription>;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  timeoutMs: number;
  pollMs?: number;
}

export type WaitOutcome =
  { empty: true; waitedMs: number; group: GroupDescription } | { empty: false; waitedMs: number; group: GroupDescription; reason: string };

/** Polls the group until it has no member, for at most `timeoutMs`. */
export async function waitForEmptyGroup({ describe, clock, sleep, timeoutMs, pollMs = 500 }: WaitDeps): Promise<WaitOutcome> {
  const started = clock();
  for (;;) {
    const group = await describe();
    const waitedMs = clock() - started;
    if (groupIsEmpty(group)) return { empty: true, waitedMs, group };
    if (waitedMs >= timeoutMs) return { empty: false, waitedMs, group, reason: groupBusyReason(group) };
    await sleep(Math.min(pollMs, Math.max(1, timeoutMs - waitedMs)));
  }
}

export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

export interface RewoundPartition {
  topic: string;
  partition: number;
  /** The group's committed offset before the rewind; null when it had none. */
  from: string | null;
  to: string;
}

/**
 * One entry per partition of every input topic, or an error naming the topics that have no
 * partitions (a rewind must cover every input topic or none).
 */
export function rewindPlan(
  topics: readonly string[],
  targets: readonly PartitionOffset[],
  committed: readonly { topic: string; partition: number; offset: string }[],
): { ok: true; partitions: RewoundPartition[] } | { ok: false; error: string } {
  const missing = topics.filter((t) => !targets.some((p) => p.topic === t));
  if (missing.length > 0) return { ok: false, error: `no partitions found for ${missing.join(", ")}: nothing was rewound` };
  const partitions = targets
    .filter((p) => topics.includes(p.topic))
    .map((p) => {
      const c = committed.find((x) => x.topic === p.topic && x.partition === p.partition)?.offset ?? null;
      return { topic: p.topic, partition: p.partition, from: c === null || BigInt(c) < 0n ? null : c, to: p.offset };
    })
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return { ok: true, partitions };
}

/** Records the group will read again: the sum over partitions of how far each one moved back. */
export function recordsToReplay(partitions: readonly RewoundPartition[]): number {
  return partitions.reduce((n, p) => (p.from === null ? n : n + Math.max(0, Number(BigInt(p.from) - BigInt(p.to)))), 0);
}
