"use client";

import { useI18n } from "@/components/i18n/provider";
import { modesSeen } from "@/lib/live/aggregates";
import { AggChart } from "./AggChart";
import { AggTable } from "./AggTable";
import { useAggregates } from "./useAggregates";

/** The rows the aggregation emits, live: their modes, a chart and a table, and a button to clear them. */
export function AggResults() {
  const { t } = useI18n();
  const { emissions, sampled, clear } = useAggregates();
  const modes = modesSeen(emissions);
  return (
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
        <p className="text-sm text-muted" data-testid="agg-waiting">
          {t("agg.waiting")}
        </p>
      ) : (
        <>
          <AggChart emissions={emissions} />
          <AggTable emissions={emissions} />
        </>
      )}
    </section>
  );
}
