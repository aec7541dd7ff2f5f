import { useEffect, useRef, useState } from "react";
import type { ComponentName, ComponentView } from "@/lib/contract/api";
import { appendBounded } from "@/lib/live/ring";
import { countRebalances, latestGeneration, NO_REBALANCES } from "@/lib/live/assignment";
import { totalLag } from "@/lib/live/experiments";
import { usePipeline } from "@/components/live/PipelineProvider";

export interface WorkerPoint {
  t: number;
  lag: number;
  outPerSec: number;
}

const POINTS = 120;

/** One worker, live: its view, lag and output rate over time, and its group's rebalances since mounted (from generation ids). */
export function useWorker(name: ComponentName) {
  const pipeline = usePipeline();
  const view: ComponentView | undefined = pipeline?.components.find((c) => c.name === name);
  const [history, setHistory] = useState<WorkerPoint[]>([]);
  const [rebalance, setRebalance] = useState({ name, ...NO_REBALANCES });
  const last = useRef(0);

  const m = view?.metrics;
  useEffect(() => {
    const at = m?.at ?? Date.now();
    if (at === last.current) return;
    last.current = at;
    const point = { t: at, lag: totalLag(m?.lag), outPerSec: view?.status === "running" ? (m?.recordsOutPerSec ?? 0) : 0 };
    setHistory((h) => appendBounded(h, [point], POINTS));
  }, [m, view?.status]);

  const generation = latestGeneration(view?.instances ?? []);
  // Another worker is another group, with its own generations: start counting again.
  useEffect(
    // eslint-disable-next-line react-hooks/set-state-in-effect -- counts each generation the live view reports, once, stamped when it was seen
    () => setRebalance((prev) => ({ name, ...countRebalances(prev.name === name ? prev : NO_REBALANCES, generation, Date.now()) })),
    [name, generation],
  );

  return { view, history, rebalances: rebalance.count, rebalancedAt: rebalance.at, settings: pipeline?.settings };
}
