import { z } from "zod";
import { ComponentName, MAX_INSTANCES } from "@/lib/contract/api";

/** What the learner had running, kept in the data folder so that a lab killed or crashed can pick up again. */
export const RunState = z.object({
  running: z.array(z.object({ name: ComponentName, instances: z.number().int().min(1).max(MAX_INSTANCES) })),
  /** True once the lab stopped in order (Ctrl-C, SIGTERM): the learner ended it, nothing to resume. */
  cleanStop: z.boolean(),
  at: z.number(),
});
export type RunState = z.infer<typeof RunState>;
export type Running = RunState["running"];

export type ResumeDecision = { kind: "nothing" } | { kind: "resume"; running: Running } | { kind: "disabled"; running: Running };

/**
 * At start: resume what ran before only when the previous run ended without a clean stop (it was SIGKILLed,
 * crashed, or lost its terminal) while components were running, and resuming is enabled (LAB_RESUME).
 */
export function decideResume(previous: RunState | null, enabled: boolean): ResumeDecision {
  if (!previous || previous.cleanStop || previous.running.length === 0) return { kind: "nothing" };
  return enabled ? { kind: "resume", running: previous.running } : { kind: "disabled", running: previous.running };
}

/** The line the terminal shows about it; null when there is nothing to say. */
export function describeResume(decision: ResumeDecision): string | null {
  const names = (r: Running) => r.map((c) => (c.instances > 1 ? `${c.name} ×${c.instances}` : c.name)).join(", ");
  if (decision.kind === "resume") return `[lab] resuming what was running before the unclean stop: ${names(decision.running)}`;
  if (decision.kind === "disabled") return `[lab] not resuming ${names(decision.running)} after the unclean stop: LAB_RESUME=false`;
  return null;
}

/** Same components with the same instance counts, whatever the order. */
export const sameRunning = (a: Running, b: Running): boolean =>
  a.length === b.length && a.every((x) => b.some((y) => y.name === x.name && y.instances === x.instances));
