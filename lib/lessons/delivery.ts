import type { DeliveryMode } from "@/lib/contract/api";
import { component } from "@/lib/live/snapshot";
import type { Lesson } from "./types";
import { firstAt, type LessonView } from "./view";

/** The transform's delivery mode the learner last chose here before `at` (exactly-once until they choose). */
function modeChosenBefore(v: LessonView, at: number): DeliveryMode {
  const last = v.actions.findLast((a) => a.at < at && a.name.startsWith("delivery:"));
  return (last?.name.slice("delivery:".length) as DeliveryMode | undefined) ?? "exactly-once";
}

/**
 * Ran the transform at most or at least once here, killed it in that mode, then saw the in = out
 * check report more lost or duplicated inputs, then went back to exactly once, which it runs now.
 */
function ranWeakKilledSawAndCameBack(v: LessonView): boolean {
  for (const kill of v.actions.filter((a) => a.name === "kill:strategy")) {
    if (modeChosenBefore(v, kill.at) === "exactly-once") continue;
    const saw = firstAt(v, ["inout:lost", "inout:duplicated"], kill.at);
    if (saw === null) continue;
    if (firstAt(v, "delivery:exactly-once", saw) !== null) return (component(v.now, "strategy")?.deliveryMode ?? "exactly-once") === "exactly-once";
  }
  return false;
}

export const delivery: Lesson = {
  id: "delivery",
  target: { kind: "experiment", experiment: "chaos" },
  spark: `# Spark's Kafka sink is at-least-once: a batch cut short by a crash is written again on restart.
# Spark has no at-most-once switch; end-to-end exactly-once needs a sink that drops repeats,
# e.g. foreachBatch + an upsert keyed on the input's partition and offset (this lab's header).
q = (out.writeStream.format("kafka")
     .option("checkpointLocation", "/tmp/ckpt/strategy")   # offsets recorded here per batch
     .option("topic", "A_output").start())`,
  done: ranWeakKilledSawAndCameBack,
};
