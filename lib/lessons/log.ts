import { firstAt, type LessonView } from "./view";
import type { Lesson } from "./types";

/** When the learner first did, or the log page first saw, an action or effect whose name starts with `prefix`, at or after `after`. */
function firstLike(v: LessonView, prefix: string, after: number | null): { at: number; name: string } | null {
  if (after === null) return null;
  return v.actions.find((a) => a.at >= after && a.name.startsWith(prefix)) ?? null;
}

/** The log page's lessons: segments and retention, compaction, transactions and the last stable offset. */
export const logLessons: Lesson[] = [
  {
    id: "segments",
    target: { kind: "log", part: "storage" },
    spark: `# Spark keeps its own offsets in the checkpoint; when retention deleted them, it fails the query
# unless told to go on from what is left (and lose what retention took)
spark.readStream.format("kafka") \\
  .option("subscribe", "lab_storage") \\
  .option("startingOffsets", "earliest") \\
  .option("failOnDataLoss", "false")`,
    // The log start seen to move here (retention deleted a segment), then the slow reader resumed here and a loss reported after that.
    done: (v) => {
      const advanced = firstAt(v, "log-effect:log-start-advanced");
      const resumed = firstLike(v, "log:resume:", advanced);
      return resumed !== null && firstAt(v, "log-effect:reset-lost", resumed.at) !== null;
    },
  },
  {
    id: "compaction",
    target: { kind: "log", part: "compaction" },
    spark: `# A compacted topic read as a table: the latest value per key, a null value deletes the key
profiles = (spark.read.format("kafka").option("subscribe", "lab_profiles")
            .option("startingOffsets", "earliest").load()
            .groupBy("key").agg(max_by("value", "offset").alias("value"))
            .where("value IS NOT NULL"))`,
    // A key deleted here and, after that, that key seen gone from the log (tombstone dropped), with older versions of a key seen removed.
    done: (v) => {
      const deleted = v.actions.filter((a) => a.name.startsWith("log:delete:"));
      const gone = deleted.some((d) => firstAt(v, `log-effect:tombstone-gone:${d.name.slice("log:delete:".length)}`, d.at) !== null);
      return gone && firstAt(v, "log-effect:compacted") !== null;
    },
  },
  {
    id: "transactions",
    target: { kind: "log", part: "txn" },
    spark: `# Spark's Kafka source reads read_uncommitted unless told otherwise: set it to see only committed records
spark.readStream.format("kafka") \\
  .option("subscribe", "A_output") \\
  .option("kafka.isolation.level", "read_committed")`,
    // Held here, the last stable offset seen stuck behind it, then aborted here and the aborted records seen skipped.
    done: (v) => {
      const stuck = firstAt(v, "log-effect:lso-stuck", firstAt(v, "log:txn-hold") ?? Infinity);
      const aborted = stuck === null ? null : firstAt(v, "log:txn-abort", stuck);
      return aborted !== null && firstAt(v, "log-effect:aborted-skipped", aborted) !== null;
    },
  },
];
