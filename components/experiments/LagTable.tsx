import type { GroupLag } from "@/lib/contract/socket";
import { formatCount } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

/** Per input partition: end offset, the group's committed offset, and the lag between them. */
export function LagTable({ lag }: { lag: GroupLag | null }) {
  const { t } = useI18n();
  if (!lag) return <p className="text-sm text-muted">{t("common.loading")}</p>;
  return (
    <ScrollRegion label={t("exp.chaos.lagTitle")} className="max-h-64 overflow-y-auto">
      <table className="w-full text-sm" data-testid="lag-table">
        <thead className="text-left text-xs text-muted">
          <tr>
            <th scope="col" className="py-1 pr-2 font-normal">
              {t("topics.col.partition")}
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-normal">
              {t("topics.latest")}
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-normal">
              {t("topics.committed")}
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-normal">
              {t("topics.lag")}
            </th>
          </tr>
        </thead>
        <tbody className="font-mono text-xs">
          {lag.partitions.map((p) => (
            <tr key={`${p.topic}-${p.partition}`} className="border-t border-line" data-testid="lag-row" data-lag={p.lag}>
              <td className="py-0.5 pr-2">
                {p.topic.replace(/_input$/, "")}
                {p.partition}
              </td>
              <td className="py-0.5 pr-2 text-right">{formatCount(p.end)}</td>
              <td className="py-0.5 pr-2 text-right">{p.committed === null ? "–" : formatCount(p.committed)}</td>
              <td className={`py-0.5 pr-2 text-right ${p.lag > 0 ? "text-warn" : ""}`}>{formatCount(p.lag)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
