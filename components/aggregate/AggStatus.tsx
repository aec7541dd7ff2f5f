"use client";

import { usePipeline } from "@/components/live/PipelineProvider";
import { useI18n } from "@/components/i18n/provider";
import { aggregationNeeds } from "@/lib/live/aggregates";
import { runningSettings } from "@/lib/live/running-settings";

/** What to start for rows to appear, or that everything needed runs. */
export function AggHint() {
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
export function AggRunning() {
  const { t, duration } = useI18n();
  const pipeline = usePipeline();
  const component = pipeline?.components.find((c) => c.name === "aggregate");
  if (!pipeline || !component || component.status === "stopped") return null;
  const { values, pending } = runningSettings("aggregate", pipeline.settings, component);
  const shown = pending ? pipeline.settings : values;
  const params = {
    size: duration(shown.aggWindowMs),
    slide: duration(shown.aggSlideMs),
    delay: duration(shown.aggWatermarkDelayMs),
    mode: t(`agg.mode.${shown.aggOutputMode}`),
  };
  return (
    <span className={`text-xs ${pending ? "text-warn" : "text-muted"}`} data-testid="agg-running" data-pending={pending} data-window-ms={values.aggWindowMs}>
      {pending ? t("agg.restartingWith", params) : t("agg.runningWith", params)}
    </span>
  );
}
