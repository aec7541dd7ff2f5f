"use client";

import Link from "next/link";
import { clusterHealth } from "@/lib/cluster/state";
import type { ClusterView } from "@/lib/contract/cluster";
import { useI18n } from "@/components/i18n/provider";
import { Icon } from "@/components/ui/Icon";
import { AcksForm } from "./AcksForm";
import { BrokerList } from "./BrokerList";
import { PartitionTable } from "./PartitionTable";
import { useCluster } from "./useCluster";

function Summary({ view }: { view: ClusterView }) {
  const { t } = useI18n();
  const h = clusterHealth(view);
  if (h.offline + h.underReplicated === 0)
    return (
      <p className="flex items-center gap-1.5 text-sm text-ok" data-testid="cluster-summary" data-state="ok">
        <Icon name="ok" />
        {t("cluster.summary.ok")}
      </p>
    );
  return (
    <p
      className={`flex flex-wrap items-center gap-1.5 text-sm ${h.offline ? "text-err" : "text-warn"}`}
      role="status"
      data-testid="cluster-summary"
      data-state="degraded"
    >
      <Icon name={h.offline ? "offline" : "warning"} />
      {[h.offline ? t("cluster.summary.offline", { n: h.offline }) : null, h.underReplicated ? t("cluster.summary.under", { n: h.underReplicated }) : null]
        .filter(Boolean)
        .join(" · ")}
    </p>
  );
}

/** The Cluster view: brokers with their buttons, then every topic's partitions and replicas, live. */
export function ClusterPanel({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const view = useCluster();
  return (
    <div className="grid min-w-0 gap-4" data-testid="cluster-view" data-mode={view?.mode ?? ""}>
      {!compact && (
        <div>
          <h1 className="text-xl font-semibold">{t("cluster.title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-muted">{t("cluster.intro")}</p>
        </div>
      )}
      {!view ? (
        <p className="text-sm text-muted">{t("cluster.waiting")}</p>
      ) : (
        <>
          {view.mode === "single" && (
            <div className="card grid max-w-3xl gap-2 p-3 text-sm" data-testid="cluster-single">
              <p>{t("cluster.single")}</p>
              <Link href="/" className="text-accent underline" data-testid="cluster-switch-link">
                {t("cluster.switchLink")}
              </Link>
            </div>
          )}
          {view.mode === "external" && <p className="card max-w-3xl p-3 text-sm">{t("cluster.external")}</p>}
          <BrokerList view={view} />
          {view.controllable && <AcksForm />}
          <Summary view={view} />
          {view.error && <p className="text-xs text-warn">{t("cluster.partial", { error: view.error })}</p>}
          <p className="max-w-3xl text-xs text-muted">{t("cluster.hwHelp")}</p>
          {view.topics.length === 0 && <p className="text-sm text-muted">{t("cluster.noTopics")}</p>}
          <div className="grid min-w-0 gap-3 xl:grid-cols-2">
            {view.topics.map((topic) => (
              <PartitionTable key={topic.topic} topic={topic} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
