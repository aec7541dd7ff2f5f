"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { ChartFrame } from "@/components/charts/ChartFrame";
import { charts } from "@/lib/charts/definitions";
import { usePipelineAction } from "@/components/pipeline/usePipelineAction";
import { lagEpisode } from "@/lib/live/lag";
import { useI18n } from "@/components/i18n/provider";
import { AssignmentTable } from "./AssignmentTable";
import { DeliveryModePicker } from "./DeliveryModePicker";
import { ExperimentCard, Stat } from "./ExperimentCard";
import { InOutCheck } from "./InOutCheck";
import { LagTable } from "./LagTable";
import { NodeRow } from "@/components/pipeline/NodeRow";
import { killInstance } from "./api";
import { useGroupLag } from "./useGroupLag";
import { useWorker } from "./useWorker";
import { Icon } from "@/components/ui/Icon";

/**
 * Chaos: SIGKILL a transform instance, watch lag build, the restart, and in = out hold (or break, in a
 * weaker delivery mode). The lag is the server's measure of the group's committed offsets: the killed
 * process's own metrics die with it.
 */
export function ChaosCard() {
  const { t } = useI18n();
  const w = useWorker("strategy");
  const lag = useGroupLag("strategy");
  const { run, busy, error } = usePipelineAction();
  const [killedAt, setKilledAt] = useState<number | null>(null);
  const restarts = (w.view?.instances ?? []).reduce((n, i) => n + i.restarts, 0);
  const total = lag.latest?.total ?? 0;
  const episode = useMemo(
    () =>
      killedAt === null
        ? null
        : lagEpisode(
            lag.history.map((p) => ({ at: p.t, lag: p.lag })),
            killedAt,
          ),
    [lag.history, killedAt],
  );
  const lagChart = useMemo(() => charts.chaosLag(), []);
  const kill = (i: number) =>
    run("kill:strategy", async () => {
      setKilledAt(Date.now());
      return killInstance("strategy", i);
    });
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
          onClick={() => kill(0)}
        >
          <Icon name="kill" />
          {t("exp.chaos.kill")}
        </button>
        <div className="grid grid-cols-2 gap-2">
          <Stat label={t("exp.restarts")} value={restarts} testid="chaos-restarts" />
          <Stat label={t("topics.lag")} value={total} testid="chaos-lag" tone={total > 0 ? "warn" : undefined} />
        </div>
        <p className="text-sm text-muted" data-testid="chaos-episode" data-rose={episode?.rose ?? false} data-fell={episode?.fell ?? false}>
          {!episode?.rose
            ? t("exp.chaos.episodeIdle")
            : t(episode.fell ? "exp.chaos.episodeFell" : "exp.chaos.episodeRising", { base: episode.base, peak: episode.peak })}
        </p>
      </div>
      {error && <p className="text-sm text-err">{error}</p>}
      <AssignmentTable view={w.view} rebalances={w.rebalances} rebalancedAt={w.rebalancedAt} busy={busy} onKill={kill} />
      <div className="grid gap-4 xl:grid-cols-2">
        <div className="min-w-0">
          <ChartFrame def={lagChart} data={lag.history} note={<p className="mb-1 text-xs text-muted">{t("exp.chaos.lagHint")}</p>} />
          <LagTable lag={lag.latest} />
        </div>
        <InOutCheck />
      </div>
      <p className="text-sm text-muted" data-testid="chaos-txn-trace">
        {t("exp.chaos.txnTrace")}{" "}
        <Link href="/log#txn" className="text-accent underline">
          {t("exp.chaos.txnLink")}
        </Link>
      </p>
    </ExperimentCard>
  );
}
