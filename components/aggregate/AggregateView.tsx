"use client";

import { NodeRow } from "@/components/pipeline/NodeRow";
import { aggregationNeeds, modesSeen } from "@/lib/live/aggregates";
import { usePipeline } from "@/components/live/PipelineProvider";
import { BehindNote } from "@/components/live/BehindNote";
import { runningSettings } from "@/lib/live/running-settings";
import { useI18n } from "@/components/i18n/provider";
import { AggChart } from "./AggChart";
import { AggControls } from "./AggControls";
import { AggTable } from "./AggTable";
import { useAggregates } from "./useAggregates";

/** The windowed aggregation: its controls, start/stop, and the rows it emits, live. */
export function AggregateView({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const { emissions, sampled, clear } = useAggregates();
  const modes = modesSeen(emissions);
  return (
    <div className="grid gap-5" data-testid="aggregate-view">
      {!compact && (
        <div>
          <h1 className="text-lg font-semibold">{t("agg.title")}</h1>
          <p className="max-w-3xl text-sm text-muted">{t("agg.intro")}</p>
        </div>
      )}
      <section className="card grid gap-3 p-4">
        <AggHint />
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          <AggRunning />
          <BehindNote workers={["aggregate"]} />
        </div>
        <NodeRow names={["producer-A", "producer-B", "strategy", "aggregate"]} />
      </section>
      <div className={`grid gap-5 ${compact ? "" : "xl:grid-cols-[minmax(0,420px)_minmax(0,1fr)]"}`}>
        <AggControls />
        <section className="card grid min-w-0 content-start gap-3 p-4">
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-base font-semibold">{t("agg.table")}</h2>
            <span className="text-xs text-muted" data-testid="agg-modes-seen" data-modes={modes.join(",")}>
              {t("agg.modesSeen", { modes: modes.length ? modes.join(", ") : t("common.none") })}
            </span>
            <button type="button" className="btn ml-auto" onClick={clear} data-testid="agg-clear">
              {t("agg.clear")}
            </button>
          </div>
          {sampled && <p className="text-xs text-warn">{t("agg.sampled")}</p>}
          {emissions.length === 0 ? (
            <p className="text-sm text-muted" data-testid="agg-waiting">{t("agg.waiting")}</p>
          ) : (
            <>
              <div className="eyebrow">{t("agg.chart")}</div>
              <AggChart emissions={emissions} />
              <AggTable emissions={emissions} />
            </>
          )}
        </section>
      </div>
    </div>
  );
}

/** What to start for rows to appear, or that everything needed runs. */
function AggHint() {
  const { t } = useI18n();
  const pipeline = usePipeline();
  const needs = aggregationNeeds(pipeline?.components ?? []);
  return (
    <p className="text-sm text-muted" data-testid="agg-hint" data-needs={needs.join(",")}>
      {needs.length > 0 ? t("agg.hint", { missing: needs.join(", ") }) : t("agg.flowing")}
    </p>
  );
}

/** The settings the running aggregation uses; "restarting with …" while they differ from the saved ones. */
function AggRunning() {
  const { t, duration } = useI18n();
  const pipeline = usePipeline();
  const component = pipeline?.components.find((c) => c.name === "aggregate");
  if (!pipeline || !component || component.status === "stopped") return null;
  const { values, pending } = runningSettings("aggregate", pipeline.settings, component);
  const shown = pending ? pipeline.settings : values;
  const params = { size: duration(shown.aggWindowMs), slide: duration(shown.aggSlideMs), delay: duration(shown.aggWatermarkDelayMs), mode: t(`agg.mode.${shown.aggOutputMode}`) };
  return (
    <span className={`text-xs ${pending ? "text-warn" : "text-muted"}`} data-testid="agg-running" data-pending={pending} data-window-ms={values.aggWindowMs}>
      {pending ? t("agg.restartingWith", params) : t("agg.runningWith", params)}
    </span>
  );
}
