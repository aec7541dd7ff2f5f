"use client";
// A client container: it owns the join feed and the picked pair, which the timeline, explainer and charts share.

import { useCallback, useEffect, useMemo, useState } from "react";
import type { JoinSideRecord } from "@/lib/contract/socket";
import { useJoinFeed } from "@/components/live/useJoinFeed";
import { useRecord } from "@/components/live/LessonProvider";
import { usePipeline } from "@/components/live/PipelineProvider";
import { BehindNote } from "@/components/live/BehindNote";
import { ChartFrame } from "@/components/charts/ChartFrame";
import { charts } from "@/lib/charts/definitions";
import { useI18n } from "@/components/i18n/provider";
import { explainPair } from "@/lib/live/join-explain";
import { runningSettings } from "@/lib/live/running-settings";
import { JoinTimeline } from "./JoinTimeline";
import { PairExplainer } from "./PairExplainer";

/** The C ⋈ D join, made visible: timeline, pair explanations, state size and match rate. */
export function JoinView({ compact = false }: { compact?: boolean }) {
  const { t, duration } = useI18n();
  const Title = compact ? "h2" : "h1";
  const feed = useJoinFeed();
  const record = useRecord();
  const [selected, setSelected] = useState<{ c: JoinSideRecord | null; d: JoinSideRecord | null }>({ c: null, d: null });
  useEffect(() => record("view-join"), [record]);
  // What the panel says about the picked pair, for the join lesson: `pair:match`, `pair:other_key`, …
  const verdict = selected.c && selected.d ? explainPair(selected.c, selected.d, feed.windowMs).kind : null;
  useEffect(() => {
    if (verdict) record(`pair:${verdict}`);
  }, [verdict, selected, record]);

  const pick = useCallback(
    (r: JoinSideRecord) => {
      record(`pick-${r.side}`);
      setSelected((s) => (r.side === "C" ? { c: r, d: null } : { ...s, d: r }));
    },
    [record],
  );
  const [stateChart, matchChart] = useMemo(() => [charts.joinState(), charts.joinMatches()], []);
  return (
    <section className="grid min-w-0 gap-4" data-testid="join-view">
      <div className="card p-4">
        <div className="mb-2 flex flex-wrap items-baseline gap-x-4 gap-y-1">
          {/* The join page's h1; inside a lesson (compact) the lesson title is the h1. */}
          <Title className="text-base font-semibold">{t("join.title")}</Title>
          <span className="text-xs text-muted" data-testid="join-window" data-window-ms={feed.windowMs}>
            {t("join.window", { value: duration(feed.windowMs) })}
          </span>
          <span className="text-xs text-muted">{t("join.delay", { value: duration(feed.delayMs) })}</span>
          <JoinRestarting />
          <BehindNote workers={["join"]} />
          {feed.watermark === null && <span className="text-xs text-muted">{t("join.noWatermark")}</span>}
          {feed.sampled && <span className="text-xs text-warn">{t("join.sampled")}</span>}
        </div>
        {!compact && <p className="mb-3 max-w-3xl text-sm text-muted">{t("join.intro")}</p>}
        <Legend />
        <JoinTimeline feed={feed} selected={selected} onPick={pick} />
      </div>
      <div className={`grid gap-4 ${compact ? "" : "lg:grid-cols-3"}`}>
        <PairExplainer c={selected.c} d={selected.d} windowMs={feed.windowMs} onClear={() => setSelected({ c: null, d: null })} />
        <div className="card p-3">
          <ChartFrame def={stateChart} data={feed.history} />
        </div>
        <div className="card p-3">
          <ChartFrame def={matchChart} data={feed.history} />
        </div>
      </div>
    </section>
  );
}

/** While the running join still uses other settings than the saved ones: it is restarting with them. */
function JoinRestarting() {
  const { t, duration } = useI18n();
  const pipeline = usePipeline();
  if (!pipeline) return null;
  const { pending } = runningSettings(
    "join",
    pipeline.settings,
    pipeline.components.find((c) => c.name === "join"),
  );
  if (!pending) return null;
  return (
    <span className="text-xs text-warn" data-testid="join-restarting">
      {t("join.restarting", { window: duration(pipeline.settings.joinWindowMs), delay: duration(pipeline.settings.watermarkDelayMs) })}
    </span>
  );
}

function Legend() {
  const { t } = useI18n();
  const item = (swatch: React.ReactNode, label: string) => (
    <span className="flex items-center gap-1.5">
      {swatch}
      {label}
    </span>
  );
  return (
    <div className="mb-2 flex flex-wrap gap-4 text-xs text-muted">
      {item(<span className="h-2.5 w-2.5 rounded-full bg-[var(--chart-3)]" />, t("join.legend.c"))}
      {item(<span className="h-2.5 w-2.5 rounded-full bg-[var(--chart-4)]" />, t("join.legend.d"))}
      {item(<span className="chart-band-swatch h-2.5 w-5 rounded-sm" />, t("join.legend.band"))}
      {item(<span className="h-0.5 w-5 bg-accent" />, t("join.legend.match"))}
      {item(<span className="font-bold text-err">✕</span>, t("join.late"))}
      {item(<span className="h-3 w-0 border-l-2 border-dashed border-err" />, t("join.watermark"))}
    </div>
  );
}
