"use client";

import { useEffect, useRef, useState } from "react";
import type { ComponentName, ComponentView } from "@/lib/contract/api";
import { appendBounded } from "@/lib/live/ring";
import { assignmentOf, assignmentSignature, nextRebalance, totalLag } from "@/lib/live/experiments";
import { useLive } from "@/components/live/LiveProvider";

export interface WorkerPoint {
  t: number;
  lag: number;
  outPerSec: number;
}

const POINTS = 120;

/** One worker, live: its view, lag and output rate over time, and the rebalances seen since mounted. */
export function useWorker(name: ComponentName) {
  const { pipeline } = useLive();
  const view: ComponentView | undefined = pipeline?.components.find((c) => c.name === name);
  const [history, setHistory] = useState<WorkerPoint[]>([]);
  const [rebalance, setRebalance] = useState({ signature: "", count: 0, at: 0 });
  const last = useRef(0);

  const m = view?.metrics;
  useEffect(() => {
    const at = m?.at ?? Date.now();
    if (at === last.current) return;
    last.current = at;
    const point = { t: at, lag: totalLag(m?.lag), outPerSec: view?.status === "running" ? (m?.recordsOutPerSec ?? 0) : 0 };
    setHistory((h) => appendBounded(h, [point], POINTS));
  }, [m, view?.status]);

  const signature = assignmentSignature(assignmentOf(view?.instances ?? []));
  useEffect(() => {
    setRebalance((prev) => {
      const next = nextRebalance(prev, signature);
      return next === prev ? prev : { ...next, at: next.count > prev.count ? Date.now() : prev.at };
    });
  }, [signature]);

  return { view, history, rebalances: rebalance.count, rebalancedAt: rebalance.at, settings: pipeline?.settings };
}
