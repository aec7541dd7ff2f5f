import type { CSSProperties } from "react";
import { useNow } from "@/components/ui/useNow";
import type { ComponentView } from "@/lib/contract/api";
import { assignmentState, type AssignmentState } from "@/lib/live/assignment";
import type { Owned } from "@/lib/live/experiments";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { useI18n } from "@/components/i18n/provider";
import { Icon } from "@/components/ui/Icon";

const PARTITION_HUES = [210, 140, 30, 280, 0, 175, 60, 320];
/** The chip's hue; `.partition-chip` in globals.css picks a pale or deep shade per theme, so its label stays readable. */
const partitionHue = (p: number) => ({ "--hue": PARTITION_HUES[p % PARTITION_HUES.length] }) as CSSProperties;
const short = (topic: string) => topic.replace(/_input$|_output$/, "");

interface Props {
  view: ComponentView | undefined;
  rebalances: number;
  rebalancedAt: number;
  /** Shown per running instance when given (the chaos experiment). */
  onKill?: (index: number) => void;
  busy?: boolean;
}

/** Who owns which partition, per instance, coloured by partition; flashes when a rebalance moved them. */
export function AssignmentTable({ view, rebalances, rebalancedAt, onKill, busy }: Props) {
  const { t } = useI18n();
  const now = useNow(500);
  const flashing = rebalancedAt > 0 && now - rebalancedAt < 4_000;
  const instances = view?.instances ?? [];
  const state = assignmentState(instances, (topic) => topic.slice(topic.lastIndexOf(".") + 1));
  const rebalancing = state.kind === "rebalancing";
  return (
    <div className="min-w-0" data-testid="assignment-table" data-rebalances={rebalances} data-state={state.kind} data-generation={state.generation ?? ""}>
      <div className="mb-1 flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 className="eyebrow">{t("exp.assignment")}</h3>
        <span className="text-xs text-muted" data-testid="rebalance-count">
          {t("exp.rebalances", { count: rebalances })}
        </span>
        {rebalancing && (
          <span
            className="inline-flex items-center gap-1 rounded-full bg-warn/15 px-2 py-0.5 text-xs font-semibold text-warn"
            data-testid="rebalancing"
            title={t("exp.rebalancingHint")}
          >
            <Icon name="rebalance" />
            {t("exp.rebalancing")}
          </span>
        )}
        {flashing && !rebalancing && (
          <span
            className="inline-flex animate-pulse items-center gap-1 rounded-full bg-warn/15 px-2 py-0.5 text-xs font-semibold text-warn"
            data-testid="rebalance-flash"
          >
            <Icon name="rebalance" />
            {t("exp.rebalance")}
          </span>
        )}
      </div>
      {instances.length === 0 ? (
        <p className="py-3 text-sm text-muted">{t("exp.noInstances")}</p>
      ) : (
        <DataTable
          look="roomy"
          columns={columns({ t, onKill, busy })}
          rows={instances.map((i) => assigned(i, state, rebalancing))}
          rowKey={(i) => i.index}
          rowData={(i) => ({ "data-testid": `instance-row-${i.index}`, "data-status": i.status, "data-owned": i.mine.length, "data-idle": i.idle })}
          label={t("exp.assignment")}
          scroll={{}}
          className={`transition-colors ${flashing ? "bg-warn/5" : ""}`}
        />
      )}
    </div>
  );
}

type Instance = ComponentView["instances"][number];
type State = AssignmentState;
interface Row extends Instance {
  mine: Owned[];
  idle: boolean;
  rebalancing: boolean;
}

/** What an instance owns now, and whether it runs with nothing to read. */
function assigned(i: Instance, state: State, rebalancing: boolean): Row {
  const mine = state.kind === "stable" ? (state.owned.get(i.index) ?? []) : [];
  return { ...i, mine, idle: !rebalancing && i.status === "running" && mine.length === 0, rebalancing };
}

interface Ctx {
  t: ReturnType<typeof useI18n>["t"];
  onKill?: (index: number) => void;
  busy?: boolean;
}

function columns({ t, onKill, busy }: Ctx): Column<Row>[] {
  const cols: Column<Row>[] = [
    {
      id: "instance",
      header: t("exp.instance"),
      mono: true,
      className: "text-xs",
      cell: (i) => (
        <>
          #{i.index}
          {i.pid !== null && <span className="ml-1 text-muted">pid {i.pid}</span>}
        </>
      ),
    },
    {
      id: "status",
      header: t("exp.status"),
      cell: (i) => (
        <>
          <StatusBadge status={i.status} />
          {i.status === "crashed" && i.reason && <div className="mt-0.5 max-w-[200px] text-[11px] text-err">{i.reason}</div>}
        </>
      ),
    },
    { id: "partitions", header: t("exp.partitions"), cell: (i) => <Chips row={i} t={t} /> },
    { id: "restarts", header: t("exp.restarts"), mono: true, className: "text-xs", cell: (i) => i.restarts },
  ];
  if (!onKill) return cols;
  const kill: Column<Row> = {
    id: "kill",
    header: t("exp.actions"),
    hideHeader: true,
    align: "right",
    cell: (i) => (
      <button
        type="button"
        className="btn btn-sm whitespace-nowrap !border-err/50 !text-err"
        disabled={busy || i.status !== "running"}
        onClick={() => onKill(i.index)}
        data-testid={`kill-${i.index}`}
      >
        <Icon name="kill" />
        {t("exp.kill")}
      </button>
    ),
  };
  return [...cols, kill];
}

/** The partitions an instance owns, one chip each, or why it owns none. */
function Chips({ row, t }: { row: Row; t: Ctx["t"] }) {
  return (
    <div className="flex flex-wrap gap-1">
      {row.mine.map((o) => (
        <span
          key={`${o.topic}-${o.partition}`}
          className="partition-chip rounded px-1.5 py-0.5 font-mono text-[11px]"
          style={partitionHue(o.partition)}
          title={`${o.topic} partition ${o.partition}`}
        >
          {short(o.topic)}
          {o.partition}
        </span>
      ))}
      {row.idle && <span className="text-xs text-warn">{t("exp.idle")}</span>}
      {row.rebalancing && row.status === "running" && <span className="text-xs text-muted">{t("exp.rebalancing")}</span>}
    </div>
  );
}
