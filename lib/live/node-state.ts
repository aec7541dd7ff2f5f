import type { ComponentStatus } from "@/lib/contract/api";

/** What a producer or worker node shows: its process status, or that it is waiting for the broker. */
export type NodeState = ComponentStatus | "waitingBroker";

/**
 * While the broker is down a running process keeps running but can neither send nor read: it waits
 * and reconnects by itself. Showing it green "running" at 0/s would hide that, so it shows as waiting.
 * Before the server has said anything about the broker (null) the status is shown as it is.
 */
export function nodeState(status: ComponentStatus, broker: { connected: boolean } | null): NodeState {
  if (broker && !broker.connected && (status === "running" || status === "starting")) return "waitingBroker";
  return status;
}

/** Records move along an edge only while its process runs and the broker is up. */
export const flowing = (status: ComponentStatus | undefined, broker: { connected: boolean } | null) =>
  status === "running" && nodeState(status, broker) === "running";
