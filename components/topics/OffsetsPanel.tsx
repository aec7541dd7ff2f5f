import { memo, useMemo } from "react";
import type { TopicStats } from "@/lib/contract/socket";
import { useI18n } from "@/components/i18n/provider";
import { ChartFrame } from "@/components/charts/ChartFrame";
import { charts } from "@/lib/charts/definitions";
import { partitionColor } from "@/lib/charts/palette";
import type { LagPoint } from "@/components/live/useTopicFeed";

/** End offsets per partition, and for each worker's group its committed offsets, lag and lag history. */
export const OffsetsPanel = memo(function OffsetsPanel({ stats, lag }: { stats: TopicStats | null; lag: Record<string, LagPoint[]> }) {
  const { t } = useI18n();
  if (!stats) return <p className="text-sm text-muted">{t("common.loading")}</p>;
  return (
    <div className="grid gap-4">
      <div>
        <h3 className="eyebrow mb-2">{t("topics.endOffsets")}</h3>
        <table className="w-full text-xs" data-testid="end-offsets">
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-1 text-left font-medium">
                {t("topics.col.partition")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("topics.earliest")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("topics.latest")}
              </th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {stats.partitions.map((p) => (
              <tr key={p.partition} className="border-t border-line">
                <td className="py-1">
                  <span className="mr-1.5 inline-block h-2 w-2 rounded-sm" style={{ background: partitionColor(p.partition) }} />
                  {p.partition}
                </td>
                <td className="py-1 text-right">{p.earliest}</td>
                <td className="py-1 text-right" data-testid={`end-offset-${p.partition}`}>
                  {p.latest}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h3 className="eyebrow mb-2">{t("topics.groups")}</h3>
        {stats.groups.length === 0 && <p className="text-xs text-muted">{t("topics.noGroups")}</p>}
        {stats.groups.map((g) => (
          <div key={g.groupId} className="mb-3" data-testid={`group-${g.groupId}`}>
            <div className="mb-1 font-mono text-xs font-semibold">{g.groupId}</div>
            <table className="w-full text-xs">
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-1 text-left font-medium">
                    {t("topics.col.partition")}
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    {t("topics.committed")}
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    {t("topics.lag")}
                  </th>
                </tr>
              </thead>
              <tbody className="font-mono">
                {g.partitions.map((p) => (
                  <tr key={p.partition} className="border-t border-line">
                    <td className="py-1">{p.partition}</td>
                    <td className="py-1 text-right">{p.committed ?? t("topics.noCommit")}</td>
                    <td className={`py-1 text-right ${p.lag ? "text-warn" : ""}`}>{p.lag ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="mt-2">
              <GroupLagChart group={g.groupId} partitions={g.partitions.map((p) => p.partition)} data={lag[g.groupId] ?? NO_LAG} />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
});

const NO_LAG: LagPoint[] = [];

/** One line per partition: the chart is rebuilt only when the group's partitions change, not on every update. */
function GroupLagChart({ group, partitions, data }: { group: string; partitions: number[]; data: LagPoint[] }) {
  const shape = partitions.join(",");
  // Keyed by `shape`, not by `partitions`, which is a new array on every stats update.
  const def = useMemo(() => charts.groupLag(group, shape ? shape.split(",").map(Number) : []), [group, shape]);
  return <ChartFrame def={def} data={data} height={120} />;
}
