import type { Emission } from "@/lib/live/aggregates";
import { formatShortClock, seriesColor } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { DataTable, type Column } from "@/components/ui/DataTable";

const MODE_TONE: Record<Emission["mode"], string> = {
  append: "bg-ok/15 text-ok",
  update: "bg-accent-soft text-accent",
  complete: "bg-warn/15 text-warn",
};

type Row = Emission["rows"][number];
type Translate = ReturnType<typeof useI18n>["t"];

const columns = (t: Translate): Column<Row>[] => [
  { id: "mode", header: t("agg.col.mode"), cell: (r) => r.mode, className: "text-muted" },
  {
    id: "window",
    header: t("agg.col.window"),
    cell: (r) => `[${formatShortClock(r.windowStart)}, ${formatShortClock(r.windowEnd)})`,
    className: "whitespace-nowrap",
  },
  { id: "count", header: t("agg.col.count"), align: "right", cell: (r) => r.count },
  { id: "avg", header: t("agg.col.avg"), align: "right", cell: (r) => r.avg.toFixed(1) },
];

/** The heading row of one emission: its mode, strategy, batch, size and time. */
function EmissionHead({ e, t }: { e: Emission; t: Translate }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className={`rounded px-1.5 py-0.5 font-mono text-[11px] font-semibold ${MODE_TONE[e.mode]}`}>{e.mode}</span>
      {/* The strategy's colour as a swatch: series colours are too light for small text on this row. */}
      <span className="inline-flex items-center gap-1.5 font-medium">
        <span aria-hidden className="h-2 w-2 rounded-full" style={{ background: seriesColor(e.strategy) }} />
        {t("agg.emission", { strategy: e.strategy, batch: e.batch })}
      </span>
      <span className="text-muted">{t("agg.rows", { count: e.rows.length })}</span>
      <span className="ml-auto font-mono text-muted">{formatShortClock(e.at)}</span>
    </span>
  );
}

/** Emitted rows, one block per emission (strategy + batch), newest first. */
export function AggTable({ emissions }: { emissions: Emission[] }) {
  const { t } = useI18n();
  return (
    <DataTable
      look="grouped"
      columns={columns(t)}
      groups={emissions.map((e) => ({
        key: e.id,
        rows: e.rows,
        head: <EmissionHead e={e} t={t} />,
        data: { "data-testid": "agg-emission", "data-mode": e.mode, "data-strategy": e.strategy },
      }))}
      rowKey={(r) => `${r.windowStart}-${r.windowEnd}`}
      rowData={() => ({ "data-testid": "agg-row" })}
      label={t("agg.table")}
      scroll={{ className: "max-h-[460px] overflow-auto rounded-lg border border-line", data: { "data-testid": "agg-table", "data-count": emissions.length } }}
    />
  );
}
