import { memo } from "react";
import type { TailRecord } from "@/lib/contract/socket";
import { formatClock } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { DataTable, type Column } from "@/components/ui/DataTable";

type Translate = ReturnType<typeof useI18n>["t"];

const columns = (t: Translate): Column<TailRecord>[] => [
  { id: "partition", header: t("topics.col.partition"), cell: (r) => r.partition },
  { id: "offset", header: t("topics.col.offset"), cell: (r) => r.offset },
  { id: "key", header: t("topics.col.key"), cell: (r) => r.key ?? "∅" },
  { id: "value", header: t("topics.col.value"), cell: (r) => r.value ?? "∅", className: "max-w-[380px] truncate", title: (r) => r.value ?? "" },
  { id: "eventTime", header: t("topics.col.eventTime"), cell: (r) => (r.eventTs !== null ? formatClock(r.eventTs) : "—"), className: "text-muted" },
];

/** Memoised: the viewer re-renders for stats too, and 100 rows are not free. */
export const RecordTable = memo(function RecordTable({ rows }: { rows: TailRecord[] }) {
  const { t } = useI18n();
  return (
    <DataTable
      look="boxed"
      columns={columns(t)}
      rows={rows}
      rowKey={(r) => `${r.partition}:${r.offset}`}
      rowData={() => ({ "data-testid": "record-row" })}
      label={t("topics.newest")}
      scroll={{ className: "max-h-[420px] overflow-auto rounded-lg border border-line" }}
      className="whitespace-nowrap"
      data={{ "data-testid": "record-table" }}
    />
  );
});
