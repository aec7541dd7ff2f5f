import { useRef, useState } from "react";
import type { TopicBatch, TailRecord, TopicStats } from "@/lib/contract/socket";
import { appendBounded } from "@/lib/live/ring";
import { useFeed } from "./useFeed";

export const TABLE_ROWS = 100;
const VALUE_POINTS = 300;
const RATE_POINTS = 120;
/** Batches come ~4/s and stats 1/s: one render per half second keeps the view live at a fraction of the work. */
const RENDER_MS = 500;

export interface ValuePoint {
  t: number;
  v: number;
}
export interface RatePoint {
  t: number;
  rate: number;
}
export type LagPoint = { t: number } & Record<string, number>;

interface FeedData {
  /** Newest first. */
  rows: TailRecord[];
  values: ValuePoint[];
  rates: RatePoint[];
  stats: TopicStats | null;
  lag: Record<string, LagPoint[]>;
  /** Records that arrived while paused. */
  missed: number;
  lastBatch: { total: number; shown: number; sampled: boolean } | null;
}

export interface TopicFeed extends FeedData {
  paused: boolean;
  setPaused: (p: boolean) => void;
}

const empty = (): FeedData => ({ rows: [], values: [], rates: [], stats: null, lag: {}, missed: 0, lastBatch: null });
const sumLatest = (s: TopicStats) => s.partitions.reduce((n, p) => n + Number(p.latest), 0);

function withBatch(f: FeedData, b: TopicBatch, paused: boolean): FeedData {
  const pts = b.records.filter((r) => r.num !== null).map((r) => ({ t: r.eventTs ?? r.timestamp, v: r.num as number }));
  return {
    ...f,
    lastBatch: { total: b.total, shown: b.records.length, sampled: b.sampled },
    values: pts.length ? appendBounded(f.values, pts, VALUE_POINTS) : f.values,
    missed: paused ? f.missed + b.total : f.missed,
    rows: paused || !b.records.length ? f.rows : [...[...b.records].reverse(), ...f.rows].slice(0, TABLE_ROWS),
  };
}

function withStats(f: FeedData, s: TopicStats): FeedData {
  const prev = f.stats;
  let rates = f.rates;
  if (prev && s.at > prev.at) {
    const rate = Math.max(0, ((sumLatest(s) - sumLatest(prev)) * 1000) / (s.at - prev.at));
    rates = appendBounded(rates, [{ t: s.at, rate }], RATE_POINTS);
  }
  const lag: Record<string, LagPoint[]> = {};
  for (const g of s.groups) {
    const point: LagPoint = { t: s.at } as LagPoint;
    for (const p of g.partitions) point[`p${p.partition}`] = p.lag ?? 0;
    lag[g.groupId] = appendBounded(f.lag[g.groupId] ?? [], [point], RATE_POINTS);
  }
  return { ...f, stats: s, rates, lag };
}

/** Everything the topic viewer shows about one topic, in bounded buffers, while mounted. */
export function useTopicFeed(topic: string): TopicFeed {
  const [paused, setPausedState] = useState(false);
  const pausedRef = useRef(false);
  const { value, set } = useFeed(
    { join: "topic:subscribe", payload: { topic }, leave: "topic:unsubscribe" },
    {
      "topic:batch": (f, b) => (b.topic === topic ? withBatch(f, b, pausedRef.current) : f),
      "topic:stats": (f, s) => (s.topic === topic ? withStats(f, s) : f),
    },
    empty,
    RENDER_MS,
  );

  const setPaused = (p: boolean) => {
    pausedRef.current = p;
    setPausedState(p);
    if (!p) set((f) => ({ ...f, missed: 0 }));
  };

  return { ...value, paused, setPaused };
}
