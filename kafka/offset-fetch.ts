import { backoffMs, delay } from "@/lib/retry";
import type { TopicPartition } from "./types";
import { WireReader, WireWriter } from "./wire";

/**
 * OffsetFetch v7 with require_stable (KIP-447), which kafkajs (v1–v4 only) cannot send. A transaction's
 * offsets become readable only once its commit marker reaches __consumer_offsets, some time after
 * EndTxn has answered; until then an older OffsetFetch silently answers the offset committed before,
 * and a member that just got the partition reads again what the transaction already wrote. With
 * require_stable the coordinator answers UNSTABLE_OFFSET_COMMIT instead, and we wait.
 */
export const OFFSET_FETCH = { apiKey: 9, apiVersion: 7, apiName: "OffsetFetch" } as const;

export const ERR = {
  NONE: 0,
  COORDINATOR_LOAD_IN_PROGRESS: 14,
  COORDINATOR_NOT_AVAILABLE: 15,
  NOT_COORDINATOR: 16,
  UNSTABLE_OFFSET_COMMIT: 88,
} as const;

/** Worth asking again (the offsets are still settling, or the coordinator is moving). */
export const RETRIABLE = new Set<number>([ERR.COORDINATOR_LOAD_IN_PROGRESS, ERR.COORDINATOR_NOT_AVAILABLE, ERR.NOT_COORDINATOR, ERR.UNSTABLE_OFFSET_COMMIT]);

export interface FetchedOffset extends TopicPartition {
  /** "-1" when nothing was committed */
  offset: string;
  metadata: string | null;
  errorCode: number;
}

export interface OffsetFetchAnswer {
  errorCode: number;
  partitions: FetchedOffset[];
}

/** The request body, starting with the (empty) tagged fields of request header v2. */
export function encodeOffsetFetchV7(groupId: string, partitions: readonly TopicPartition[]): Buffer {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions) {
    let list = byTopic.get(topic);
    if (!list) byTopic.set(topic, (list = []));
    list.push(partition);
  }
  return new WireWriter()
    .noTags() // request header v2: the tagged fields after client_id
    .compactString(groupId)
    .compactArray([...byTopic], (w, [topic, parts]) => {
      w.compactString(topic)
        .compactArray(parts, (w2, p) => w2.int32(p))
        .noTags();
    })
    .bool(true) // require_stable
    .noTags()
    .buffer();
}

/** The response after its correlation id: response header v1's tagged fields, then the body. */
export function decodeOffsetFetchV7(payload: Buffer): OffsetFetchAnswer {
  const r = new WireReader(payload);
  r.skipTags();
  r.int32(); // throttle_time_ms
  const partitions = r
    .compactArray((t) => {
      const topic = t.compactString() ?? "";
      const parts = t.compactArray((p) => {
        const partition = p.int32();
        const offset = p.int64();
        p.int32(); // committed_leader_epoch
        const metadata = p.compactString();
        const errorCode = p.int16();
        p.skipTags();
        return { topic, partition, offset, metadata, errorCode };
      });
      t.skipTags();
      return parts;
    })
    .flat();
  const errorCode = r.int16();
  r.skipTags();
  return { errorCode, partitions };
}

/** The first error of an answer, the group's own before any partition's (0 when none). */
export function firstError(a: OffsetFetchAnswer): number {
  return a.errorCode !== ERR.NONE ? a.errorCode : (a.partitions.find((p) => p.errorCode !== ERR.NONE)?.errorCode ?? ERR.NONE);
}

const STABLE_BACKOFF = { initialMs: 10, maxMs: 500 };

/**
 * Ask until the answer is stable: retriable errors are asked again after a growing pause, up to
 * `deadlineMs` (a transaction can stay open for its timeout, 60 s by default); others are thrown.
 */
export async function fetchStableOffsets(
  ask: (fresh: boolean) => Promise<OffsetFetchAnswer>,
  opts: { deadlineMs: number; clock?: () => number; sleep?: (ms: number) => Promise<void> },
): Promise<FetchedOffset[]> {
  const clock = opts.clock ?? Date.now;
  const sleep = opts.sleep ?? delay;
  const until = clock() + opts.deadlineMs;
  let fresh = false;
  for (let i = 0; ; i++) {
    const answer = await ask(fresh);
    const err = firstError(answer);
    if (err === ERR.NONE) return answer.partitions;
    if (!RETRIABLE.has(err)) throw new Error(`OffsetFetch failed with Kafka error code ${err}`);
    if (clock() >= until) throw new Error(`the committed offsets did not become stable in time (Kafka error code ${err})`);
    fresh = err !== ERR.UNSTABLE_OFFSET_COMMIT;
    await sleep(backoffMs(i, STABLE_BACKOFF));
  }
}
