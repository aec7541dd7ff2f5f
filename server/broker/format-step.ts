import type { BrokerStep } from "./types";

const STEP_WIDTH = 7;

export const formatElapsed = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

export const formatBytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** One terminal line per step; a step with `elapsedMs` is finished (✓), one without is under way (…). */
export function formatStep(step: BrokerStep): string {
  const mark = step.elapsedMs === undefined ? "…" : "✓";
  const elapsed = step.elapsedMs === undefined ? "" : `  ${formatElapsed(step.elapsedMs)}`;
  return `[kafka] ${mark} ${step.step.padEnd(STEP_WIDTH)}  ${step.message}${elapsed}`;
}
