import type { GroupLag } from "@/lib/contract/socket";
import { formatCount } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { DataTable, type Column } from "@/components/ui/DataTable";

type Row = GroupLag["partitions"][number];
type Translate = ReturnType<typeof useI18n>["t"];

const columns = (t: Translate): Column<Row>[] => [
  { id: "partition", header: t("topics.col.partition"), cell: (p) => `${p.topic.replace(/_input$/, "")}${p.partition}` },
  { id: "end", header: t("topics.latest"), align: "right", cell: (p) => formatCount(p.end) },
  { id: "committed", header: t("topics.committed"), align: "right", cell: (p) => (p.committed === null ? "–" : formatCount(p.committed)) },
  { id: "lag", header: t("topics.lag"), align: "right", cell: (p) => formatCount(p.lag), className: (p) => (p.lag > 0 ? "text-warn" : "") },
];

/** Per input partition: end offset, the group's committed offset, and the lag between them. */
export function LagTable({ lag }: { lag: GroupLag | null }) {
  const { t } = useI18n();
  if (!lag) return <p className="text-sm text-muted">{t("common.loading")}</p>;
  return (
    <DataTable
      look="dense"
      columns={columns(t)}
      rows={lag.partitions}
      rowKey={(p) => `${p.topic}-${p.partition}`}
      rowData={(p) => ({ "data-testid": "lag-row", "data-lag": p.lag })}
      label={t("exp.chaos.lagTitle")}
      scroll={{ className: "max-h-64 overflow-y-auto" }}
      data={{ "data-testid": "lag-table" }}
    />
  );
}
