import { memo, useMemo } from "react";
import type { TopicStats } from "@/lib/contract/socket";
import { useI18n } from "@/components/i18n/provider";
import { ChartFrame } from "@/components/charts/ChartFrame";
import { charts } from "@/lib/charts/definitions";
import { partitionColor } from "@/lib/charts/palette";
import type { LagPoint } from "@/components/live/useTopicFeed";
import { DataTable, type Column } from "@/components/ui/DataTable";

/** End offsets per partition, and for each worker's group its committed offsets, lag and lag history. */
export const OffsetsPanel = memo(function OffsetsPanel({ stats, lag }: { stats: TopicStats | null; lag: Record<string, LagPoint[]> }) {
  const { t } = useI18n();
  if (!stats) return <p className="text-sm text-muted">{t("common.loading")}</p>;
  return (
    <div className="grid gap-4">
      <div>
        <h3 className="eyebrow mb-2">{t("topics.endOffsets")}</h3>
        <DataTable look="compact" columns={endColumns(t)} rows={stats.partitions} rowKey={(p) => p.partition} data={{ "data-testid": "end-offsets" }} />
      </div>
      <div>
        <h3 className="eyebrow mb-2">{t("topics.groups")}</h3>
        {stats.groups.length === 0 && <p className="text-xs text-muted">{t("topics.noGroups")}</p>}
        {stats.groups.map((g) => (
          <div key={g.groupId} className="mb-3" data-testid={`group-${g.groupId}`}>
            <div className="mb-1 font-mono text-xs font-semibold">{g.groupId}</div>
            <DataTable look="compact" columns={groupColumns(t)} rows={g.partitions} rowKey={(p) => p.partition} />
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

type Translate = ReturnType<typeof useI18n>["t"];
type GroupRow = TopicStats["groups"][number]["partitions"][number];

const endColumns = (t: Translate): Column<TopicStats["partitions"][number]>[] => [
  {
    id: "partition",
    header: t("topics.col.partition"),
    cell: (p) => (
      <>
        <span className="mr-1.5 inline-block h-2 w-2 rounded-sm" style={{ background: partitionColor(p.partition) }} />
        {p.partition}
      </>
    ),
  },
  { id: "earliest", header: t("topics.earliest"), align: "right", cell: (p) => p.earliest },
  { id: "latest", header: t("topics.latest"), align: "right", cell: (p) => p.latest, data: (p) => ({ "data-testid": `end-offset-${p.partition}` }) },
];

const groupColumns = (t: Translate): Column<GroupRow>[] => [
  { id: "partition", header: t("topics.col.partition"), cell: (p) => p.partition },
  { id: "committed", header: t("topics.committed"), align: "right", cell: (p) => p.committed ?? t("topics.noCommit") },
  { id: "lag", header: t("topics.lag"), align: "right", cell: (p) => p.lag ?? "—", className: (p) => (p.lag ? "text-warn" : "") },
];

/** One line per partition: the chart is rebuilt only when the group's partitions change, not on every update. */
function GroupLagChart({ group, partitions, data }: { group: string; partitions: number[]; data: LagPoint[] }) {
  const shape = partitions.join(",");
  // Keyed by `shape`, not by `partitions`, which is a new array on every stats update.
  const def = useMemo(() => charts.groupLag(group, shape ? shape.split(",").map(Number) : []), [group, shape]);
  return <ChartFrame def={def} data={data} height={120} />;
}
