"use client";

import { useMemo, useState } from "react";
import { DEFAULT_SETTINGS, type ComponentName } from "@/lib/contract/api";
import { instanceChoices, topicPartitions } from "@/lib/live/experiments";
import { ChartFrame } from "@/components/charts/ChartFrame";
import { charts } from "@/lib/charts/definitions";
import { usePipelineAction } from "@/components/pipeline/usePipelineAction";
import { useI18n } from "@/components/i18n/provider";
import { AssignmentTable } from "./AssignmentTable";
import { ExperimentCard } from "./ExperimentCard";
import { NodeRow } from "@/components/pipeline/NodeRow";
import { setInstances } from "./api";
import { useWorker } from "./useWorker";

const WORKERS = ["strategy", "join"] as const satisfies readonly ComponentName[];

/** Scale out: choose how many members a worker's consumer group has, and watch the partitions move. */
export function ScaleCard() {
  const { t } = useI18n();
  const [name, setName] = useState<(typeof WORKERS)[number]>("strategy");
  const w = useWorker(name);
  const { run, busy, error } = usePipelineAction();
  const partitions = w.settings?.partitions ?? DEFAULT_SETTINGS.partitions;
  const desired = w.view?.desiredInstances ?? 1;
  const lagChart = useMemo(() => charts.scaleLag(), []);
  return (
    <ExperimentCard id="scale" title={t("exp.scale.title")} intro={t("exp.scale.intro")}>
      <NodeRow names={["producer-A", "producer-B", name]} />
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted">{t("exp.worker")}</span>
          <select className="field !w-auto" value={name} data-testid="scale-worker" onChange={(e) => setName(e.target.value as (typeof WORKERS)[number])}>
            {WORKERS.map((n) => (
              <option key={n} value={n}>
                {t(`comp.${n}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="flex flex-wrap items-center gap-1" role="group" aria-label={t("exp.instances")}>
          <span className="mr-1 text-sm text-muted">{t("exp.instances")}</span>
          {instanceChoices(name, partitions).map((n) => (
            <button
              key={n}
              type="button"
              className={`btn btn-sm min-w-8 justify-center ${n === desired ? "btn-primary" : ""}`}
              aria-pressed={n === desired}
              disabled={busy}
              data-testid={`scale-${n}`}
              onClick={() => run(`scale:${name}`, () => setInstances(name, n))}
            >
              {n}
            </button>
          ))}
        </div>
      </div>
      <p className="text-xs text-muted" data-testid="scale-units">
        {t("exp.scale.units", { units: topicPartitions(name, partitions), partitions })}
      </p>
      {error && <p className="text-sm text-err">{error}</p>}
      <AssignmentTable view={w.view} rebalances={w.rebalances} rebalancedAt={w.rebalancedAt} />
      <ChartFrame def={lagChart} data={w.history} />
    </ExperimentCard>
  );
}
