import { WireReader, WireWriter } from "./wire";

/**
 * DescribeLogDirs v2 (apiKey 35, flexible), which kafkajs cannot send: what one broker holds on disk,
 * per log dir, per partition replica. Each replica's `offsetLag` is, as the broker computes it,
 * max(0, that broker's own high watermark − the replica's log end offset) (its ReplicaManager's
 * getLogEndOffsetLag): 0 on a leader, and on a follower measured against the follower's own copy of
 * the high watermark, which trails the leader's. So it says "this replica is behind", not by how much
 * against the leader; the Cluster view takes each replica's log end offset from ListOffsets instead
 * (see cluster-state.ts) and shows the size on disk from here.
 */
export const DESCRIBE_LOG_DIRS = { apiKey: 35, apiVersion: 2, apiName: "DescribeLogDirs" } as const;

export interface LogDirReplica {
  topic: string;
  partition: number;
  sizeBytes: number;
  offsetLag: number;
  /** A replica being moved to another log dir (not a replica of its own). */
  isFuture: boolean;
}

export interface LogDirsAnswer {
  dirs: { errorCode: number; logDir: string; replicas: LogDirReplica[] }[];
}

/** The request for every partition on the broker (a null topic list), after request header v2's empty tags. */
export function encodeDescribeLogDirsV2(): Buffer {
  return new WireWriter()
    .noTags() // request header v2: the tagged fields after client_id
    .uvarint(0) // topics: null = all
    .noTags()
    .buffer();
}

/** The response after its correlation id: response header v1's tagged fields, then the body. */
export function decodeDescribeLogDirsV2(payload: Buffer): LogDirsAnswer {
  const r = new WireReader(payload);
  r.skipTags();
  r.int32(); // throttle_time_ms
  const dirs = r.compactArray((d) => {
    const errorCode = d.int16();
    const logDir = d.compactString() ?? "";
    const replicas = d
      .compactArray((t) => {
        const topic = t.compactString() ?? "";
        const parts = t.compactArray((p) => {
          const partition = p.int32();
          const sizeBytes = Number(p.int64());
          const offsetLag = Number(p.int64());
          const isFuture = p.bool();
          p.skipTags();
          return { topic, partition, sizeBytes, offsetLag, isFuture };
        });
        t.skipTags();
        return parts;
      })
      .flat();
    d.skipTags();
    return { errorCode, logDir, replicas };
  });
  r.skipTags();
  return { dirs };
}
