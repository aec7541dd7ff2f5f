import type { NodeState } from "@/lib/live/node-state";
import { useI18n } from "@/components/i18n/provider";

const TONE: Record<NodeState, string> = {
  running: "bg-ok/15 text-ok",
  starting: "bg-warn/15 text-warn",
  stopping: "bg-warn/15 text-warn",
  stopped: "bg-surface-2 text-muted",
  crashed: "bg-err/15 text-err",
  waitingBroker: "bg-warn/15 text-warn",
};

export function StatusBadge({ status }: { status: NodeState }) {
  const { t } = useI18n();
  return (
    <span
      data-testid="status-badge"
      data-status={status}
      className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-[11px] font-medium ${TONE[status]}`}
    >
      <span aria-hidden className={`h-1.5 w-1.5 rounded-full bg-current ${status === "running" ? "animate-pulse" : ""}`} />
      {t(`status.${status}`)}
    </span>
  );
}
