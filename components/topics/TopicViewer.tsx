"use client";
// A client container: it owns the topic feed and its pause state, which every part of the view reads.

import { useEffect, useMemo } from "react";
import { useRouter } from "next/navigation";
import { PIPELINE_TOPICS } from "@/lib/contract/records";
import { useBroker } from "@/components/live/BrokerProvider";
import { useRecord } from "@/components/live/LessonProvider";
import { useTopicFeed } from "@/components/live/useTopicFeed";
import { BehindNote } from "@/components/live/BehindNote";
import { consumersOf } from "@/lib/live/topology";
import { Icon } from "@/components/ui/Icon";
import { useI18n } from "@/components/i18n/provider";
import { ChartFrame } from "@/components/charts/ChartFrame";
import { charts } from "@/lib/charts/definitions";
import { OffsetsPanel } from "./OffsetsPanel";
import { RecordTable } from "./RecordTable";

/**
 * Any topic, live: newest records, values and rate over time, end offsets, and the
 * committed offsets and lag of every worker group reading it.
 * `navigate` keeps the chosen topic in the URL (the topics page); a lesson passes false.
 */
export function TopicViewer({ topic, navigate = true, compact = false }: { topic: string; navigate?: boolean; compact?: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const broker = useBroker();
  const record = useRecord();
  const feed = useTopicFeed(topic);
  const options = [...new Set([...PIPELINE_TOPICS, ...(broker?.topics ?? []), topic])];

  useEffect(() => record(`view-topic:${topic}`), [topic, record]);

  const choose = (next: string) => {
    if (navigate) router.replace(`/topics?topic=${encodeURIComponent(next)}`);
  };
  const [rateChart, valueChart] = useMemo(() => [charts.topicRate(topic), charts.topicValues(topic)], [topic]);
  // The topics page's h1; inside a lesson (navigate off) the lesson title is the h1.
  const Title = navigate ? "h1" : "h2";
  const Sub = navigate ? "h2" : "h3";
  const tableRows = useMemo(() => (compact ? feed.rows.slice(0, 12) : feed.rows), [compact, feed.rows]);
  return (
    <section className="grid min-w-0 gap-4" data-testid="topic-viewer" data-topic={topic}>
      <div className="card flex flex-wrap items-center gap-3 p-3">
        <Title className="text-base font-semibold">{t("topics.title")}</Title>
        {navigate ? (
          <label className="flex items-center gap-2 text-sm">
            <span className="text-muted">{t("topics.pick")}</span>
            <select className="field !w-auto font-mono" value={topic} data-testid="topic-select" onChange={(e) => choose(e.target.value)}>
              {options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="rounded-md bg-surface-2 px-2 py-0.5 font-mono text-sm">{topic}</span>
        )}
        <BehindNote workers={consumersOf(topic)} />
        <button
          type="button"
          className="btn ml-auto"
          data-testid="tail-pause"
          aria-pressed={feed.paused}
          onClick={() => {
            feed.setPaused(!feed.paused);
            record(`${feed.paused ? "resume-tail" : "pause-tail"}:${topic}`);
            // Paused with records on screen, to read (the offsets lesson): they may have come before the lesson opened.
            if (!feed.paused && feed.rows.length > 0) record(`pause-tail-rows:${topic}`);
          }}
        >
          {feed.paused ? <Icon name="play" /> : <Icon name="pause" />}
          {feed.paused ? t("topics.resume") : t("topics.pause")}
        </button>
      </div>
      <div className={`grid gap-4 ${compact ? "" : "xl:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]"}`}>
        <div className="card min-w-0 p-3">
          <div className="mb-2 flex items-center gap-3">
            <Sub className="eyebrow">{t("topics.newest")}</Sub>
            {feed.paused && (
              <span className="text-xs text-warn" data-testid="tail-missed">
                {t("topics.paused", { count: feed.missed })}
              </span>
            )}
            {feed.lastBatch?.sampled && (
              <span className="text-xs text-muted">{t("topics.sampled", { shown: feed.lastBatch.shown, total: feed.lastBatch.total })}</span>
            )}
          </div>
          {feed.rows.length === 0 ? (
            <p className="py-8 text-center text-sm text-muted" data-testid="tail-waiting">
              {t("topics.waiting", { topic })}
            </p>
          ) : (
            <RecordTable rows={tableRows} />
          )}
        </div>
        <div className="grid min-w-0 content-start gap-4">
          <div className="card p-3">
            <ChartFrame def={valueChart} data={feed.values} height={180} />
          </div>
          <div className="card p-3">
            <ChartFrame def={rateChart} data={feed.rates} height={140} />
          </div>
          {!compact && (
            <div className="card p-3">
              <OffsetsPanel stats={feed.stats} lag={feed.lag} />
            </div>
          )}
        </div>
      </div>
      {compact && (
        <div className="card p-3">
          <OffsetsPanel stats={feed.stats} lag={feed.lag} />
        </div>
      )}
    </section>
  );
}
