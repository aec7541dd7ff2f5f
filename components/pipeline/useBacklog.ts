import { useEffect, useRef, useState } from "react";
import type { ComponentName } from "@/lib/contract/api";
import { usePipeline } from "@/components/live/PipelineProvider";
import { BacklogWatch, sustainableRate, type BacklogVerdict } from "@/lib/pipeline/backlog";
import { WORKER_INPUTS } from "@/lib/live/topology";

export interface GrowingBacklog extends BacklogVerdict {
  name: ComponentName;
  /** A per-producer rate this worker keeps up with. */
  rate: number;
}

/** The running workers whose lag keeps growing, from the pipeline state the page receives. */
export function useBacklog(): GrowingBacklog[] {
  const pipeline = usePipeline();
  const watches = useRef(new Map<ComponentName, BacklogWatch>());
  const [growing, setGrowing] = useState<GrowingBacklog[]>([]);
  useEffect(() => {
    if (!pipeline) return;
    const next: GrowingBacklog[] = [];
    for (const c of pipeline.components) {
      if (c.kind !== "worker") continue;
      let watch = watches.current.get(c.name);
      if (!watch) watches.current.set(c.name, (watch = new BacklogWatch(Date.now)));
      if (c.status !== "running" || !c.metrics) {
        watch.reset();
        continue;
      }
      watch.observe(
        c.metrics.lag.reduce((n, l) => n + l.lag, 0),
        c.metrics.recordsInPerSec,
      );
      const verdict = watch.verdict();
      if (!verdict.growing) continue;
      const rate = sustainableRate(c.metrics.recordsInPerSec, WORKER_INPUTS[c.name]?.length ?? 1, pipeline.settings.ratePerSecond);
      next.push({ name: c.name, ...verdict, rate });
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- each pushed view is one observation of the stateful watches above
    setGrowing((prev) => (prev.length === 0 && next.length === 0 ? prev : next));
  }, [pipeline]);
  return growing;
}
