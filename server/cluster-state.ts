import type { BrokerNode, BrokerProcess } from "@/lib/contract/api";

/** The order in which a node's state speaks for the whole broker side: a crash first, then a change under way. */
const PRECEDENCE: BrokerProcess["status"][] = ["crashed", "starting", "stopping", "running", "stopped"];

/**
 * The whole broker side as one process, for what shows one (the broker card, /api/health): one node is
 * itself; three are "running" while any runs (a node down is the cluster's to survive), "stopped" when all are,
 * and otherwise what the most pressing node is doing. Crashes add up; the soonest planned restart is shown.
 */
export function aggregateProcess(nodes: BrokerNode[]): BrokerProcess {
  const statuses = new Set(nodes.map((n) => n.status));
  const status = PRECEDENCE.find((s) => statuses.has(s)) ?? "stopped";
  const named = (n: BrokerNode) => (nodes.length > 1 ? `node ${n.id}: ${n.reason}` : n.reason);
  const reasons = nodes.filter((n) => n.reason !== null).map(named);
  const restarts = nodes.map((n) => n.restartAt).filter((t): t is number => t !== null);
  return {
    status,
    pid: nodes.find((n) => n.pid !== null)?.pid ?? null,
    reason: reasons.length ? reasons.join("; ") : null,
    crashes: nodes.reduce((sum, n) => sum + n.crashes, 0),
    restartAt: restarts.length ? Math.min(...restarts) : null,
  };
}
