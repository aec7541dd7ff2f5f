"use client";

import { useMemo } from "react";
import { charts } from "@/lib/charts/definitions";
import { dayLabel, dayTicks, foldGenderCounts, type GenderWindowPoint } from "@/lib/live/gender-counts";
import { ChartFrame, type XAxisSpec } from "@/components/charts/ChartFrame";
import { useFeed } from "@/components/live/useFeed";

const RENDER_MS = 500;
const none = (): GenderWindowPoint[] => [];

/**
 * Seed 003's live dashboard for exercise 7: counts per gender per day window, read live from the
 * output topic the processor writes (`{ windowStart, gender, count }` per record). The page's topic
 * feed sends a sample of a busy second, so a window may show only once its next count arrives.
 */
export function GenderCountChart({ topic, height = 200 }: { topic: string; height?: number }) {
  const { value: points } = useFeed(
    { join: "topic:subscribe", payload: { topic }, leave: "topic:unsubscribe" },
    { "topic:batch": (prev: GenderWindowPoint[], b) => (b.topic === topic ? foldGenderCounts(prev, b.records) : prev) },
    none,
    RENDER_MS,
  );
  const def = useMemo(() => charts.genderCounts(), []);
  const x = useMemo((): XAxisSpec => {
    const ticks = dayTicks(points);
    return { key: "t", domain: [ticks[0] ?? 0, points.at(-1)?.t ?? 1], ticks, tickLabel: dayLabel, tooltipLabel: dayLabel };
  }, [points]);
  return <ChartFrame def={def} data={points} height={height} x={x} />;
}
