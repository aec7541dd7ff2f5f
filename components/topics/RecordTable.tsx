import { memo } from "react";
import type { TailRecord } from "@/lib/contract/socket";
import { formatClock } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

/** Memoised: the viewer re-renders for stats too, and 100 rows are not free. */
export const RecordTable = memo(function RecordTable({ rows }: { rows: TailRecord[] }) {
  const { t } = useI18n();
  return (
    <ScrollRegion label={t("topics.newest")} className="max-h-[420px] overflow-auto rounded-lg border border-line">
      <table className="w-full whitespace-nowrap text-left text-xs" data-testid="record-table">
        <thead className="sticky top-0 bg-surface-2 text-muted">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t("topics.col.partition")}
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t("topics.col.offset")}
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t("topics.col.key")}
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t("topics.col.value")}
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t("topics.col.eventTime")}
            </th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {rows.map((r) => (
            <tr key={`${r.partition}:${r.offset}`} className="border-t border-line" data-testid="record-row">
              <td className="px-2 py-1">{r.partition}</td>
              <td className="px-2 py-1">{r.offset}</td>
              <td className="px-2 py-1">{r.key ?? "∅"}</td>
              <td className="max-w-[380px] truncate px-2 py-1" title={r.value ?? ""}>
                {r.value ?? "∅"}
              </td>
              <td className="whitespace-nowrap px-2 py-1 text-muted">{r.eventTs !== null ? formatClock(r.eventTs) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
});
