import { PIPELINE_TOPICS } from "@/lib/contract/records";
import { component, isRunning } from "@/lib/live/snapshot";
import { firstAt, observedAt, seenBetween, startedAt } from "./view";
import type { Lang } from "@/lib/i18n";
import { term } from "@/lib/i18n/glossary";
import type { Lesson } from "./types";

const TOPIC_LIST = PIPELINE_TOPICS.join(", ");
const producerA = (v: Parameters<Lesson["done"]>[0]) => component(v.now, "producer-A");
/**
 * Where Kafka's default partitioner (murmur2 of the key, modulo 3) puts the default keys user-1…user-8
 * in a topic of 3 partitions: index = partition. Checked against the producers' partitioner in
 * kafka/partitioner.test.ts.
 */
export const DEFAULT_KEY_PARTITIONS: readonly (readonly string[])[] = [["user-8"], ["user-4", "user-5"], ["user-1", "user-2", "user-3", "user-6", "user-7"]];
/** "partition 0 ← user-8; partition 1 ← user-4, user-5; …" in the learner's language. */
function keyMap(lang: Lang): string {
  const [list, sep] = lang === "en" ? [", ", "; "] : ["、", "；"];
  return DEFAULT_KEY_PARTITIONS.map((keys, p) => `${term(lang, "partition")} ${p} ← ${keys.join(list)}`).join(sep);
}

export const kafkaBasics: Lesson[] = [
  {
    id: "broker",
    target: { kind: "broker" },
    spark: `# Spark reads from the same broker through its bootstrap address
df = (spark.readStream.format("kafka")
      .option("kafka.bootstrap.servers", "localhost:9092")
      .option("subscribe", "A_input")
      .load())`,
    // Broker up is this lesson's effect: the one lesson that can be done on arrival.
    done: (v) => v.now.broker?.connected === true,
  },
  {
    id: "topic",
    target: { kind: "pipeline" },
    params: () => ({ topicCount: PIPELINE_TOPICS.length, topics: TOPIC_LIST }),
    spark: `# A topic is what readStream subscribes to (and writeStream writes to)
(df.selectExpr("CAST(key AS STRING)", "CAST(value AS STRING)")
   .writeStream.format("kafka")
   .option("kafka.bootstrap.servers", "localhost:9092")
   .option("topic", "A_output")
   .option("checkpointLocation", "/tmp/ckpt/a")
   .start())`,
    // A producer process counts from 0: running with records written after the learner started it here.
    done: (v) => startedAt(v, "producer-A") !== null && isRunning(v.now, "producer-A") && (producerA(v)?.metrics?.recordsOutTotal ?? 0) > 0,
  },
  {
    id: "partition",
    controls: ["producer-A"],
    target: { kind: "topic", topic: "A_input" },
    params: (lang) => ({ keyMap: keyMap(lang) }),
    spark: `# Spark reads one task per Kafka partition; the key decides the partition on write
df.select(col("key").cast("string"), col("partition"), col("offset"))`,
    done: (v) => seenBetween(v, "A_input", startedAt(v, "producer-A")) >= 20,
  },
  {
    id: "offset",
    controls: ["producer-A"],
    target: { kind: "topic", topic: "A_input" },
    spark: `# Where a new query starts: "earliest", "latest", or exact offsets per partition
spark.readStream.format("kafka") \\
  .option("subscribe", "A_input") \\
  .option("startingOffsets", """{"A_input":{"0":42,"1":-2,"2":-1}}""")`,
    // Paused here while the table showed records (they may have arrived before the lesson opened), then resumed.
    done: (v) => v.actions.some((a) => a.name === "pause-tail-rows:A_input" && firstAt(v, "resume-tail:A_input", a.at) !== null),
  },
  {
    id: "producer",
    target: { kind: "settings" },
    spark: `# Spark's Kafka sink is a producer; its settings pass through with the "kafka." prefix
query = (out.writeStream.format("kafka")
         .option("kafka.acks", "all")
         .option("kafka.linger.ms", "5")
         .option("topic", "A_output").start())`,
    // The rate raised here and producer A seen writing ≥ 50/s, then the rate set back (≤ 10/s) so the
    // join lessons that follow stay readable, and the join is not asked for ~25,000 pairs/s.
    done: (v) => {
      const fast = observedAt(v, "rate", (o) => o.name === "producer-A" && o.perSec >= 50, firstAt(v, "settings:ratePerSecond"));
      return fast !== null && firstAt(v, "settings:ratePerSecond", fast) !== null && (v.now.pipeline?.settings.ratePerSecond ?? Infinity) <= 10;
    },
  },
];
