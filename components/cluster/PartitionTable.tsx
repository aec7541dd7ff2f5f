"use client";

import type { ClusterPartition, ClusterReplica, ClusterTopic } from "@/lib/contract/cluster";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { Icon } from "@/components/ui/Icon";
import { useI18n } from "@/components/i18n/provider";

type Translate = ReturnType<typeof useI18n>["t"];

/** The partition's state in words, with an icon and a colour: never colour alone. */
function StateCell({ p, t }: { p: ClusterPartition; t: Translate }) {
  const [icon, tone, label] = p.offline
    ? (["offline", "text-err", t("cluster.state.offline")] as const)
    : p.underReplicated
      ? (["warning", "text-warn", t("cluster.state.under")] as const)
      : (["ok", "text-ok", t("cluster.state.ok")] as const);
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap font-sans font-medium ${tone}`}>
      <Icon name={icon} size={13} />
      {label}
    </span>
  );
}

function ReplicaChip({ r, leader, t }: { r: ClusterReplica; leader: number; t: Translate }) {
  const role =
    r.broker === leader
      ? t("cluster.replica.leader")
      : r.offline
        ? t("cluster.replica.offline")
        : r.inSync
          ? t("cluster.state.ok")
          : t("cluster.replica.outOfSync");
  const tone = r.offline
    ? "border-err/60 text-err line-through"
    : !r.inSync
      ? "border-warn/60 text-warn"
      : r.broker === leader
        ? "border-accent text-accent"
        : "border-line";
  const leo = r.logEndOffset ?? t("cluster.unknown");
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 ${tone}`}
      title={t("cluster.replica.label", { id: r.broker, leo, role })}
      data-testid="cluster-replica"
      data-broker={r.broker}
      data-leo={r.logEndOffset ?? ""}
      data-in-sync={r.inSync}
    >
      {r.broker === leader && <Icon name="controller" size={11} />}
      <span aria-hidden>{r.broker}</span>
      <span aria-hidden className="text-muted">
        {leo}
      </span>
      <span className="sr-only">{t("cluster.replica.label", { id: r.broker, leo, role })}</span>
    </span>
  );
}

/** One topic's partitions: leader, each replica with its log end offset, ISR, high watermark, last stable offset, state. */
export function PartitionTable({ topic }: { topic: ClusterTopic }) {
  const { t } = useI18n();
  const columns: Column<ClusterPartition>[] = [
    { id: "partition", header: t("cluster.col.partition"), cell: (p) => p.partition, rowHeader: true, mono: true },
    {
      id: "leader",
      header: t("cluster.col.leader"),
      cell: (p) => (p.leader < 0 ? t("cluster.noLeader") : p.leader),
      mono: true,
      data: (p) => ({ "data-leader": p.leader }),
    },
    {
      id: "replicas",
      header: t("cluster.col.replicas"),
      cell: (p) => (
        <span className="flex flex-wrap gap-1">
          {p.replicas.map((r) => (
            <ReplicaChip key={r.broker} r={r} leader={p.leader} t={t} />
          ))}
        </span>
      ),
    },
    { id: "isr", header: t("cluster.col.isr"), cell: (p) => p.isr.join(", "), mono: true, data: (p) => ({ "data-isr": p.isr.join(",") }) },
    { id: "hw", header: t("cluster.col.hw"), cell: (p) => p.highWatermark ?? "—", mono: true, align: "right" },
    { id: "lso", header: t("cluster.col.lso"), cell: (p) => p.lastStableOffset ?? "—", mono: true, align: "right" },
    { id: "state", header: t("cluster.col.state"), cell: (p) => <StateCell p={p} t={t} /> },
  ];
  return (
    <section className="card grid min-w-0 gap-2 p-3" aria-labelledby={`cluster-topic-${topic.topic}`} data-testid={`cluster-topic-${topic.topic}`}>
      <h3 id={`cluster-topic-${topic.topic}`} className="font-mono text-sm font-semibold">
        {topic.topic}
      </h3>
      <DataTable
        columns={columns}
        rows={topic.partitions}
        rowKey={(p) => p.partition}
        rowData={(p) => ({
          "data-testid": `cluster-partition-${topic.topic}-${p.partition}`,
          "data-leader": p.leader,
          "data-isr": p.isr.join(","),
          "data-state": p.offline ? "offline" : p.underReplicated ? "under" : "ok",
        })}
        label={topic.topic}
        scroll={{ className: "max-w-full overflow-x-auto" }}
      />
    </section>
  );
}
