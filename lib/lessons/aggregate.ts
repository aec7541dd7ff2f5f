import { AGG_OUTPUT_MODES } from "@/lib/contract/api";
import type { Lesson } from "./types";
import { actionsLike, firstAt, type LessonView } from "./view";

/** Output modes whose rows the live table showed since the lesson opened (noted as `agg-rows:<mode>`). */
export const aggModesSeen = (v: LessonView) => AGG_OUTPUT_MODES.filter((m) => actionsLike(v, "agg-rows:").includes(m));

/** Windowed aggregation: count and average per event-time window, and what each output mode emits. */
export const aggregate: Lesson = {
  id: "aggregate",
  target: { kind: "aggregate" },
  spark: `from pyspark.sql.functions import window, count, avg, col

agg = (results                                   # A_output … D_output, parsed: strategy, result, ts
  .withColumn("event_time", (col("ts") / 1000).cast("timestamp"))
  .withWatermark("event_time", "5 seconds")      # aggWatermarkDelayMs (Spark: max over partitions; here the min, as Flink)
  .groupBy(window("event_time", "10 seconds", "10 seconds"), col("strategy"))  # size, slide
  .agg(count("*").alias("count"), avg("result").alias("avg")))

q = (agg.selectExpr("strategy AS key", "to_json(struct(*)) AS value")
  .writeStream.format("kafka").option("topic", "aggregates")
  .outputMode("update")                          # or "append" / "complete"
  .option("checkpointLocation", "/tmp/ckpt/aggregate").start())`,
  // Rows of two modes seen here, after the learner switched the mode here.
  done: (v) => firstAt(v, "settings:aggOutputMode") !== null && aggModesSeen(v).length >= 2,
};
