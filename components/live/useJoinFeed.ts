"use client";

import { useEffect, useState } from "react";
import type { JoinMatch, JoinSideRecord } from "@/lib/contract/socket";
import { appendBounded } from "@/lib/live/ring";
import { useLive } from "./LiveProvider";

const RECORDS = 400;
const MATCHES = 300;
const POINTS = 120;

export interface JoinStatePoint {
  t: number;
  stateC: number;
  stateD: number;
  matchesPerSec: number;
}

export interface JoinFeed {
  records: JoinSideRecord[];
  matches: JoinMatch[];
  watermark: number | null;
  windowMs: number;
  delayMs: number;
  sampled: boolean;
  lateTotal: number;
  history: JoinStatePoint[];
}

/** The join view's live data, in bounded buffers, while mounted. */
export function useJoinFeed(): JoinFeed {
  const { listen, subscribe, pipeline } = useLive();
  const [feed, setFeed] = useState<Omit<JoinFeed, "history">>({
    records: [],
    matches: [],
    watermark: null,
    windowMs: pipeline?.settings.joinWindowMs ?? 300_000,
    delayMs: pipeline?.settings.watermarkDelayMs ?? 1_800_000,
    sampled: false,
    lateTotal: 0,
  });
  const [history, setHistory] = useState<JoinStatePoint[]>([]);

  useEffect(() => {
    const leave = subscribe("join:subscribe", {}, "join:unsubscribe");
    const off = listen("join:batch", (b) =>
      setFeed((f) => ({
        records: appendBounded(f.records, b.records, RECORDS),
        matches: appendBounded(f.matches, b.matches, MATCHES),
        watermark: b.watermark,
        windowMs: b.windowMs,
        delayMs: b.delayMs,
        sampled: b.sampled,
        lateTotal: f.lateTotal + b.totals.late,
      })),
    );
    return () => {
      leave();
      off();
    };
  }, [listen, subscribe]);

  const join = pipeline?.components.find((c) => c.name === "join")?.metrics;
  useEffect(() => {
    if (!join?.join) return;
    const j = join.join;
    setHistory((h) =>
      h.length && h[h.length - 1]!.t === join.at
        ? h
        : appendBounded(h, [{ t: join.at, stateC: j.stateC, stateD: j.stateD, matchesPerSec: j.matchesPerSec }], POINTS),
    );
  }, [join]);

  return { ...feed, history };
}
