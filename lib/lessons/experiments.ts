import { lagEpisode } from "@/lib/live/lag";
import { isRunning } from "@/lib/live/snapshot";
import type { Lesson } from "./types";
import { firstAt, observedAt } from "./view";

/** Lessons that each run an experiment: the learner presses its button and watches. */
export const experiments: Lesson[] = [
  {
    id: "rebalance",
    target: { kind: "experiment", experiment: "scale" },
    spark: `# Spark scales by tasks, not group members: one task per Kafka partition (or more)
spark.readStream.format("kafka") \\
  .option("subscribe", "A_input,B_input,C_input,D_input") \\
  .option("minPartitions", "12")   # split the work further than the topic partitions`,
    done: (v) => {
      const scaled = firstAt(v, ["scale:strategy", "scale:join"]);
      return observedAt(v, "component", (o) => (o.name === "strategy" || o.name === "join") && o.owners >= 2, scaled) !== null;
    },
  },
  {
    id: "chaos",
    target: { kind: "experiment", experiment: "chaos" },
    spark: `# Spark restarts a killed query from its checkpoint, but its Kafka sink is at-least-once:
# a batch cut short by the kill is written again, so A_output can hold duplicates.
# End-to-end exactly-once needs an idempotent sink (foreachBatch + upsert on a key),
# or readers that deduplicate; Spark has no transactional Kafka writer like these workers.
q = (out.writeStream.format("kafka")
     .option("checkpointLocation", "/tmp/ckpt/strategy")   # a killed query restarts from here
     .option("topic", "A_output").start())`,
    // Killed here; the group lag the server measures rose above its level at the kill, then fell back; running now.
    done: (v) => {
      const killed = firstAt(v, "kill:strategy");
      if (killed === null) return false;
      const points = v.observations.flatMap((o) => (o.kind === "group-lag" && o.name === "strategy" ? [{ at: o.at, lag: o.lag }] : []));
      const e = lagEpisode(points, killed);
      return e.rose && e.fell && isRunning(v.now, "strategy");
    },
  },
  {
    id: "late-data",
    target: { kind: "experiment", experiment: "late" },
    spark: `c = c.withWatermark("ts", "15 seconds")
d = d.withWatermark("ts", "15 seconds")
joined = c.join(d, expr("c.key = d.key AND d.ts BETWEEN c.ts - INTERVAL 10 SECONDS AND c.ts + INTERVAL 10 SECONDS"))`,
    done: (v) => firstAt(v, ["late-fate:late", "late-fate:joined"]) !== null,
  },
  {
    id: "bad-record",
    target: { kind: "experiment", experiment: "bad" },
    spark: `parsed = raw.select(from_json(col("value").cast("string"), schema).alias("v"), "*")
parsed.where(col("v").isNull()).selectExpr("key", "value") \\
  .writeStream.format("kafka").option("topic", "dead_letters").start()`,
    done: (v) => firstAt(v, "bad-arrived", firstAt(v, "inject-bad") ?? Infinity) !== null,
  },
  {
    id: "replay",
    target: { kind: "experiment", experiment: "replay" },
    spark: `# Spark: a new checkpoint location plus startingOffsets replays a topic
spark.readStream.format("kafka").option("subscribe", "A_input") \\
  .option("startingOffsets", "earliest")            # or startingTimestamp=<epoch ms>
  .load()`,
    done: (v) => firstAt(v, "replay-rewritten:strategy", firstAt(v, "replay:strategy") ?? Infinity) !== null,
  },
];
