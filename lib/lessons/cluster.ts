import type { Observation } from "@/lib/live/snapshot";
import type { Lesson } from "./types";
import type { LessonView } from "./view";

/** Lessons beside the Cluster page (three brokers): replication, leader election, acks, the high watermark. */

type ClusterObservation = Extract<Observation, { kind: "cluster" }>;

const clusterSince = (v: LessonView, after: number | null): ClusterObservation[] =>
  after === null ? [] : v.observations.filter((o): o is ClusterObservation => o.kind === "cluster" && o.at >= after);

/** When the learner first took a broker down here (kill or stop), or null. */
function brokerDownAt(v: LessonView): number | null {
  const a = v.actions.find((x) => x.name.startsWith("cluster-kill:") || x.name.startsWith("cluster-stop:"));
  return a?.at ?? null;
}

const startedAfter = (v: LessonView, after: number | null): number | null =>
  after === null ? null : (v.actions.find((x) => x.at >= after && x.name.startsWith("cluster-start:"))?.at ?? null);

/** A partition lost an in-sync replica after `from`, and later every partition had all of them again. */
function shrankAndHealed(v: LessonView, from: number | null): boolean {
  const shrank = clusterSince(v, from).find((o) => o.shrunk > 0);
  if (!shrank) return false;
  const started = startedAfter(v, shrank.at);
  return clusterSince(v, started).some((o) => o.shrunk === 0);
}

/** These need three brokers: a one-node lab shows how to start them, and the journey on one broker stops before them. */
export const CLUSTER_LESSON_IDS = ["replication", "leader-election", "acks", "high-watermark"] as const;

export const cluster: Lesson[] = [
  {
    id: "replication",
    target: { kind: "cluster" },
    controls: ["producer-A"],
    spark: `# Spark does not replicate Kafka partitions: the topic does (created with replication factor 3)
# kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic A_input
#   Partition: 0  Leader: 2  Replicas: 2,3,1  Isr: 2,3,1`,
    // A broker taken down here, the ISR shrinking, a start, and every partition fully in sync again.
    done: (v) => shrankAndHealed(v, brokerDownAt(v)),
  },
  {
    id: "leader-election",
    target: { kind: "cluster" },
    spark: `# A Spark query reading A_input follows the new leader by itself: the Kafka client
# refreshes its metadata when the old leader stops answering (NOT_LEADER_OR_FOLLOWER).
spark.readStream.format("kafka").option("kafka.bootstrap.servers", "b1:9092,b2:9093,b3:9094")`,
    // A broker that led partitions went down here, and then no partition had it as leader and every one had a leader.
    done: (v) => {
      const down = v.actions.find((a) => a.name.startsWith("cluster-leader-down:"));
      if (!down) return false;
      const id = Number(down.name.slice("cluster-leader-down:".length));
      return clusterSince(v, down.at).some((o) => {
        const leaders = Object.values(o.leaders);
        return leaders.length > 0 && !leaders.includes(id) && !leaders.includes(-1);
      });
    },
  },
  {
    id: "acks",
    target: { kind: "cluster", pipeline: true },
    controls: ["producer-A"],
    spark: `# Spark's Kafka sink passes producer configs through with the kafka. prefix
out.write.format("kafka") \\
  .option("kafka.acks", "all") \\
  .option("topic", "A_output").save()`,
    // A producer's sends refused for too few in-sync replicas, then succeeding again.
    done: (v) => {
      const refused = v.observations.find((o) => o.kind === "send-error" && (o.type ?? "").startsWith("NOT_ENOUGH_REPLICAS"));
      if (!refused || refused.kind !== "send-error") return false;
      return v.observations.some((o) => o.kind === "send-error" && o.at > refused.at && o.name === refused.name && o.type === null);
    },
  },
  {
    id: "high-watermark",
    target: { kind: "cluster" },
    controls: ["producer-A"],
    spark: `# A consumer (Spark too) reads only below the high watermark:
# records every in-sync replica has. Nothing above it is visible yet.
spark.read.format("kafka").option("subscribe", "A_input") \\
  .option("endingOffsets", "latest")   # "latest" = each partition's high watermark`,
    // With a replica out of the ISR the HW moved on; then the replica came back and caught up.
    done: (v) => {
      const shrunk = clusterSince(v, brokerDownAt(v)).filter((o) => o.shrunk > 0);
      const first = shrunk[0];
      const moved = first ? shrunk.find((o) => o.hw > first.hw) : undefined;
      if (!moved) return false;
      return clusterSince(v, startedAfter(v, moved.at)).some((o) => o.shrunk === 0);
    },
  },
];
