import type { ComponentName, ComponentView } from "@/lib/contract/api";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { useBroker } from "@/components/live/BrokerProvider";
import { nodeState } from "@/lib/live/node-state";
import { formatCount, formatRate } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { startComponent, stopComponent } from "./api";
import { usePipelineAction } from "./usePipelineAction";
import { Icon } from "@/components/ui/Icon";

interface Props {
  name: ComponentName;
  view: ComponentView | undefined;
  accent: string;
  onLogs: (name: ComponentName) => void;
  /** Width classes; a fixed width in the diagram, where nodes sit at set positions. */
  width?: string;
}

/** One producer or worker: status, live records/s, Start/Stop, and why it crashed. */
export function ComponentNode({ name, view, accent, onLogs, width = "w-[180px]" }: Props) {
  const { t } = useI18n();
  const { run, busy, error } = usePipelineAction();
  const status = view?.status ?? "stopped";
  const shown = nodeState(status, useBroker());
  const m = view?.metrics;
  const isProducer = name.startsWith("producer-");
  const active = status === "running" || status === "starting";
  return (
    <div
      data-testid={`node-${name}`}
      data-status={status}
      data-state={shown}
      data-known={view ? "true" : "false"}
      className={`card relative flex flex-col gap-1.5 p-2.5 shadow-sm ${width} ${status === "crashed" ? "!border-err/60" : ""}`}
      style={{ borderTop: `3px solid ${accent}` }}
    >
      {/* The title wraps (two lines at most in any language) rather than being cut; the rest keeps its room. */}
      <div className="flex items-start justify-between gap-1">
        <span className="min-w-0 break-words text-[13px] font-semibold leading-tight">{t(`comp.${name}`)}</span>
        <button
          type="button"
          className="shrink-0 whitespace-nowrap text-[11px] text-accent hover:underline"
          data-testid={`logs-${name}`}
          onClick={() => onLogs(name)}
        >
          {t("pipeline.logs")}
        </button>
      </div>
      {/* Rates grow while running ("in 10.4k/s"): when badge and rates do not fit on one line, the rates
          move under the badge (and "in" and "out" onto lines of their own) instead of spilling out. */}
      <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
        <StatusBadge status={shown} />
        <span className="flex flex-wrap justify-end gap-x-2 font-mono text-[11px] tabular-nums text-muted" data-testid={`rate-${name}`}>
          {!isProducer && <span className="whitespace-nowrap">{t("pipeline.in", { rate: formatRate(m?.recordsInPerSec ?? 0) })}</span>}
          <span className="whitespace-nowrap">{t("pipeline.out", { rate: formatRate(m?.recordsOutPerSec ?? 0) })}</span>
        </span>
      </div>
      {view?.deliveryMode && view.deliveryMode !== "exactly-once" && (
        <div className="rounded bg-warn/15 px-1.5 py-0.5 text-[11px] font-medium text-warn" data-testid={`delivery-badge-${name}`}>
          {t("pipeline.delivery", { mode: t(`exp.delivery.${view.deliveryMode}`) })}
        </div>
      )}
      {m && m.deadLettered > 0 && <div className="text-[11px] text-err">{t("pipeline.deadLettered", { count: formatCount(m.deadLettered) })}</div>}
      {status === "running" && m?.sendError && (
        <div
          className="line-clamp-3 text-[11px] leading-snug text-err"
          role="status"
          data-testid={`send-error-${name}`}
          data-type={m.sendError.type ?? ""}
          title={m.sendError.message}
        >
          {t("pipeline.sendError", { error: m.sendError.type ?? m.sendError.message })}
        </div>
      )}
      {status === "crashed" && view?.reason && (
        <div className="line-clamp-3 text-[11px] leading-snug text-err" data-testid={`reason-${name}`} title={view.reason}>
          {t("pipeline.crashed", { reason: view.reason })}
        </div>
      )}
      <div className="flex items-center gap-1.5">
        <button
          type="button"
          className="btn btn-sm flex-1 justify-center whitespace-nowrap"
          data-testid={`start-${name}`}
          disabled={busy || active}
          onClick={() => run(`start:${name}`, () => startComponent(name))}
        >
          <Icon name="play" />
          {t("pipeline.start")}
        </button>
        <button
          type="button"
          className="btn btn-sm flex-1 justify-center whitespace-nowrap"
          data-testid={`stop-${name}`}
          disabled={busy || status === "stopped" || status === "stopping"}
          onClick={() => run(`stop:${name}`, () => stopComponent(name))}
        >
          <Icon name="stop" />
          {t("pipeline.stop")}
        </button>
      </div>
      {error && <div className="text-[11px] text-err">{error}</div>}
      {view && view.restarts > 0 && <div className="text-[10px] text-muted">{t("pipeline.restarts", { count: view.restarts })}</div>}
    </div>
  );
}
