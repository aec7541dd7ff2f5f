import { isRunning } from "@/lib/live/snapshot";
import { firstAt, observedAt, seenBetween, startedAt, stoppedAt } from "./view";
import type { Lesson } from "./types";

export const consuming: Lesson[] = [
  {
    id: "consumer-group",
    target: { kind: "experiment", experiment: "scale" },
    spark: `# Spark manages its own consumers; a group id prefix can be set for ACLs and monitoring
spark.readStream.format("kafka") \\
  .option("subscribe", "A_input,B_input,C_input,D_input") \\
  .option("groupIdPrefix", "lab-strategy")`,
    done: (v) => observedAt(v, "component", (o) => o.name === "strategy" && o.status === "running" && o.owners > 0, startedAt(v, "strategy")) !== null,
  },
  {
    id: "lag",
    controls: ["producer-A", "strategy"],
    target: { kind: "topic", topic: "A_input" },
    spark: `# Spark keeps its offsets in the checkpoint, not in the group; progress shows the lag
q = df.writeStream.option("checkpointLocation", "/tmp/ckpt/strategy").start()
print(q.lastProgress["sources"][0]["endOffset"])`,
    // Stopped here, lag seen to rise, started again, lag seen to fall below its peak.
    done: (v) => {
      const rose = observedAt(v, "lag", (o) => o.topic === "A_input" && o.lag >= 5, stoppedAt(v, "strategy"));
      const started = rose === null ? null : startedAt(v, "strategy", rose);
      const peak = Math.max(0, ...v.observations.map((o) => (o.kind === "lag" && o.topic === "A_input" ? o.lag : 0)));
      return observedAt(v, "lag", (o) => o.topic === "A_input" && o.lag < peak, started) !== null && isRunning(v.now, "strategy");
    },
  },
  {
    id: "transform",
    controls: ["producer-A", "strategy"],
    target: { kind: "transform" },
    spark: `result = (when(col("value") < 30, col("value") * 2)
          .when(col("value") <= 60, col("value") * 1.5 + 10)
          .otherwise(col("value") * col("value") / 100)).cast("int")
out = parsed.select(col("key"), to_json(struct(result.alias("result"), col("ts"))).alias("value"))`,
    done: (v) => seenBetween(v, "A_output", startedAt(v, "strategy")) > 0,
  },
  {
    id: "dead-letters",
    target: { kind: "topic", topic: "dead_letters" },
    spark: `parsed = raw.select(from_json(col("value").cast("string"), schema).alias("v"), "*")
bad = parsed.where(col("v").isNull())      # Spark would pass these on as nulls
bad.selectExpr("key", "value").writeStream.format("kafka").option("topic", "dead_letters")`,
    done: (v) => firstAt(v, "pause-tail:dead_letters") !== null,
  },
];
