import { WireReader, WireWriter } from "./wire";

/**
 * DescribeQuorum v0 (apiKey 55, flexible), which kafkajs cannot send: the KRaft metadata quorum, whose
 * leader is the active controller. A broker forwards it to the controllers. We ask this because in KRaft
 * the controller id of Metadata and DescribeCluster answers is a random live broker (KIP-590: clients
 * cannot reach the controllers), not the active controller.
 */
export const DESCRIBE_QUORUM = { apiKey: 55, apiVersion: 0, apiName: "DescribeQuorum" } as const;

const METADATA_TOPIC = "__cluster_metadata";

export interface QuorumAnswer {
  errorCode: number;
  /** -1 while there is none (an election is under way) */
  leaderId: number;
  leaderEpoch: number;
  voters: { replicaId: number; logEndOffset: string }[];
}

/** The request for partition 0 of __cluster_metadata, after request header v2's empty tags. */
export function encodeDescribeQuorumV0(): Buffer {
  return new WireWriter()
    .noTags()
    .compactArray([METADATA_TOPIC], (w, topic) => {
      w.compactString(topic)
        .compactArray([0], (w2, p) => w2.int32(p).noTags())
        .noTags();
    })
    .noTags()
    .buffer();
}

/** The response after its correlation id: response header v1's tagged fields, then the body. */
export function decodeDescribeQuorumV0(payload: Buffer): QuorumAnswer {
  const r = new WireReader(payload);
  r.skipTags();
  const topLevelError = r.int16();
  const replicas = (x: WireReader) =>
    x.compactArray((v) => {
      const replicaId = v.int32();
      const logEndOffset = v.int64();
      v.skipTags();
      return { replicaId, logEndOffset };
    });
  const partitions = r
    .compactArray((t) => {
      t.compactString(); // topic_name
      const parts = t.compactArray((p) => {
        p.int32(); // partition_index
        const errorCode = p.int16();
        const leaderId = p.int32();
        const leaderEpoch = p.int32();
        p.int64(); // high_watermark
        const voters = replicas(p);
        replicas(p); // observers
        p.skipTags();
        return { errorCode, leaderId, leaderEpoch, voters };
      });
      t.skipTags();
      return parts;
    })
    .flat();
  r.skipTags();
  const first = partitions[0];
  if (topLevelError !== 0 || !first) return { errorCode: topLevelError || -1, leaderId: -1, leaderEpoch: -1, voters: [] };
  return first;
}
