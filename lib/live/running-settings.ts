import { READ_AT_START, type ComponentView, type RestartingWorker, type Settings } from "@/lib/contract/api";

/**
 * The read-at-start settings a worker's running processes use, against the saved ones. A view shows
 * the running values (what the records on screen were processed with) until they match the saved
 * ones; while they differ the worker is restarting with the saved values.
 */
export interface RunningSettings<W extends RestartingWorker> {
  /** What the running worker uses; the saved values when it is not running or has not reported yet. */
  values: Pick<Settings, (typeof READ_AT_START)[W][number]>;
  /** True while a running worker still uses other values than the saved ones. */
  pending: boolean;
}

export function runningSettings<W extends RestartingWorker>(worker: W, saved: Settings, component: ComponentView | undefined): RunningSettings<W> {
  const keys = READ_AT_START[worker] as readonly (keyof Settings)[];
  const pick = (s: Settings) => Object.fromEntries(keys.map((k) => [k, s[k]])) as RunningSettings<W>["values"];
  const active = component && component.status !== "stopped" && component.status !== "crashed";
  const reported = active ? component.metrics?.settings : undefined;
  // Restarting: the old process is gone and the new one has not reported; it starts with the saved values.
  const restarting = active && (component.status === "starting" || component.status === "stopping");
  if (!reported) return { values: pick(saved), pending: Boolean(restarting) };
  const pending = keys.some((k) => reported[k] !== saved[k]);
  return { values: pick(reported), pending };
}
