import { firstAt, observedAt, startedAt } from "./view";
import type { Lesson } from "./types";

export const time: Lesson[] = [
  {
    id: "event-time",
    controls: ["producer-C", "producer-D", "strategy", "join"],
    target: { kind: "join" },
    spark: `# Use the record's own ts as event time, not the time Spark reads it
events = parsed.withColumn("event_time", (col("ts") / 1000).cast("timestamp"))`,
    done: (v) => {
      const started = [startedAt(v, "producer-C"), startedAt(v, "producer-D")].filter((t): t is number => t !== null);
      if (started.length === 0) return false;
      const after = Math.min(...started);
      return observedAt(v, "join-seen", (o) => o.c > 0, after) !== null && observedAt(v, "join-seen", (o) => o.d > 0, after) !== null;
    },
  },
  {
    id: "watermark",
    controls: ["producer-C", "producer-D", "strategy", "join"],
    target: { kind: "join" },
    spark: `c = c_stream.withWatermark("c_time", "15 seconds")  # watermarkDelayMs (the seed: "30 minutes")
d = d_stream.withWatermark("d_time", "15 seconds")
# Spark's global watermark is the min over inputs by default, as here`,
    // The delay applies when the join (re)starts (applying restarts a running one): a watermark reported by the join running after the change.
    done: (v) => {
      const changed = firstAt(v, "settings:watermarkDelayMs");
      const running = observedAt(v, "component", (o) => o.name === "join" && o.status === "running", changed);
      return observedAt(v, "watermark", () => true, running) !== null;
    },
  },
  {
    id: "join",
    controls: ["producer-C", "producer-D", "strategy", "join"],
    target: { kind: "join" },
    spark: `joined = c.alias("c").join(d.alias("d"), expr("""
    c.key = d.key AND
    d.d_time BETWEEN c.c_time - INTERVAL 10 SECONDS AND c.c_time + INTERVAL 10 SECONDS"""),  # joinWindowMs (the seed: 5 MINUTES)
  "inner")
joined.writeStream.outputMode("append").format("kafka").option("topic", "D_input_ready")`,
    done: (v) => firstAt(v, "pair:match") !== null,
  },
];
