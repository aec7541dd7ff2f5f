"use client";

import { useEffect, useRef, useState } from "react";
import type { TailRecord, TopicStats } from "@/lib/contract/socket";
import { appendBounded } from "@/lib/live/ring";
import { useLive } from "./LiveProvider";

export const TABLE_ROWS = 100;
const VALUE_POINTS = 300;
const RATE_POINTS = 120;

export interface ValuePoint {
  t: number;
  v: number;
}
export interface RatePoint {
  t: number;
  rate: number;
}
export type LagPoint = { t: number } & Record<string, number>;

export interface TopicFeed {
  /** Newest first. */
  rows: TailRecord[];
  values: ValuePoint[];
  rates: RatePoint[];
  stats: TopicStats | null;
  lag: Record<string, LagPoint[]>;
  paused: boolean;
  setPaused: (p: boolean) => void;
  /** Records that arrived while paused. */
  missed: number;
  lastBatch: { total: number; shown: number; sampled: boolean } | null;
}

const sumLatest = (s: TopicStats) => s.partitions.reduce((n, p) => n + Number(p.latest), 0);

/** Everything the topic viewer shows about one topic, in bounded buffers, while mounted. */
export function useTopicFeed(topic: string): TopicFeed {
  const { listen, subscribe } = useLive();
  const [rows, setRows] = useState<TailRecord[]>([]);
  const [values, setValues] = useState<ValuePoint[]>([]);
  const [rates, setRates] = useState<RatePoint[]>([]);
  const [stats, setStats] = useState<TopicStats | null>(null);
  const [lag, setLag] = useState<Record<string, LagPoint[]>>({});
  const [paused, setPausedState] = useState(false);
  const [missed, setMissed] = useState(0);
  const [lastBatch, setLastBatch] = useState<TopicFeed["lastBatch"]>(null);
  const pausedRef = useRef(false);
  const prevStats = useRef<TopicStats | null>(null);

  useEffect(() => {
    setRows([]);
    setValues([]);
    setRates([]);
    setStats(null);
    setLag({});
    setMissed(0);
    setLastBatch(null);
    prevStats.current = null;
    const leave = subscribe("topic:subscribe", { topic }, "topic:unsubscribe");
    const offBatch = listen("topic:batch", (b) => {
      if (b.topic !== topic) return;
      setLastBatch({ total: b.total, shown: b.records.length, sampled: b.sampled });
      const pts = b.records
        .filter((r) => r.num !== null)
        .map((r) => ({ t: r.eventTs ?? r.timestamp, v: r.num as number }));
      setValues((prev) => appendBounded(prev, pts, VALUE_POINTS));
      if (pausedRef.current) setMissed((m) => m + b.total);
      else setRows((prev) => [...[...b.records].reverse(), ...prev].slice(0, TABLE_ROWS));
    });
    const offStats = listen("topic:stats", (s) => {
      if (s.topic !== topic) return;
      setStats(s);
      const prev = prevStats.current;
      prevStats.current = s;
      if (prev && s.at > prev.at) {
        const rate = Math.max(0, ((sumLatest(s) - sumLatest(prev)) * 1000) / (s.at - prev.at));
        setRates((r) => appendBounded(r, [{ t: s.at, rate }], RATE_POINTS));
      }
      setLag((old) => {
        const next: Record<string, LagPoint[]> = {};
        for (const g of s.groups) {
          const point: LagPoint = { t: s.at } as LagPoint;
          for (const p of g.partitions) point[`p${p.partition}`] = p.lag ?? 0;
          next[g.groupId] = appendBounded(old[g.groupId] ?? [], [point], RATE_POINTS);
        }
        return next;
      });
    });
    return () => {
      leave();
      offBatch();
      offStats();
    };
  }, [topic, listen, subscribe]);

  const setPaused = (p: boolean) => {
    pausedRef.current = p;
    setPausedState(p);
    if (!p) setMissed(0);
  };

  return { rows, values, rates, stats, lag, paused, setPaused, missed, lastBatch };
}
