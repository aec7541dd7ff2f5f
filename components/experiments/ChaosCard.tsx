"use client";

import { LiveLineChart } from "@/components/topics/LiveLineChart";
import { usePipelineAction } from "@/components/pipeline/usePipelineAction";
import { useI18n } from "@/lib/i18n/provider";
import { AssignmentTable } from "./AssignmentTable";
import { DeliveryModePicker } from "./DeliveryModePicker";
import { ExperimentCard, Stat } from "./ExperimentCard";
import { InOutCheck } from "./InOutCheck";
import { NodeRow } from "@/components/pipeline/NodeRow";
import { killInstance } from "./api";
import { useWorker } from "./useWorker";

/** Chaos: SIGKILL a transform instance, watch lag build, the restart, and in = out hold (or break, in a weaker delivery mode). */
export function ChaosCard() {
  const { t } = useI18n();
  const w = useWorker("strategy");
  const { run, busy, error } = usePipelineAction();
  const restarts = (w.view?.instances ?? []).reduce((n, i) => n + i.restarts, 0);
  const lag = w.history[w.history.length - 1]?.lag ?? 0;
  return (
    <ExperimentCard id="chaos" title={t("exp.chaos.title")} intro={t("exp.chaos.intro")}>
      <NodeRow names={["producer-A", "strategy"]} />
      <DeliveryModePicker mode={w.view?.deliveryMode ?? "exactly-once"} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="btn !border-err/60 !text-err"
          disabled={busy || w.view?.status !== "running"}
          data-testid="chaos-kill"
          onClick={() => run("kill:strategy", () => killInstance("strategy", 0))}
        >
          ☠ {t("exp.chaos.kill")}
        </button>
        <div className="grid grid-cols-2 gap-2">
          <Stat label={t("exp.restarts")} value={restarts} testid="chaos-restarts" />
          <Stat label={t("topics.lag")} value={lag} testid="chaos-lag" tone={lag > 0 ? "warn" : undefined} />
        </div>
      </div>
      {error && <p className="text-sm text-err">{error}</p>}
      <AssignmentTable
        view={w.view}
        rebalances={w.rebalances}
        rebalancedAt={w.rebalancedAt}
        busy={busy}
        onKill={(i) => run("kill:strategy", () => killInstance("strategy", i))}
      />
      <div className="grid gap-4 xl:grid-cols-2">
        <div>
          <h3 className="eyebrow mb-1">{t("exp.lagChart")}</h3>
          <LiveLineChart data={w.history} height={150} testid="chaos-lag-chart" series={[{ key: "lag", color: "var(--err)", name: t("topics.lag") }]} />
        </div>
        <InOutCheck />
      </div>
    </ExperimentCard>
  );
}
