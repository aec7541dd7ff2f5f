"use client";

import type { ComponentName } from "@/lib/contract/api";
import { formatCount } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { isBehind, workerBehind } from "@/lib/live/behind";
import { usePipeline } from "./PipelineProvider";

/** How far behind, in time, each running worker named is ("join is 4 min behind"), or that it keeps up. */
export function BehindNote({ workers }: { workers: readonly ComponentName[] }) {
  const { t, duration } = useI18n();
  const pipeline = usePipeline();
  const running = (pipeline?.components ?? []).filter((c) => workers.includes(c.name) && c.status === "running");
  if (running.length === 0) return null;
  return (
    <>
      {running.map((c) => {
        const b = workerBehind(c.metrics);
        if (!b) return null;
        const behind = isBehind(b);
        const text = !behind
          ? t("live.keepingUp", { worker: c.name })
          : b.ms === null
            ? t("live.stalled", { worker: c.name, records: formatCount(b.records) })
            : t("live.behind", { worker: c.name, time: duration(Math.round(b.ms / 1000) * 1000), records: formatCount(b.records) });
        return (
          <span
            key={c.name}
            className={`text-xs ${behind ? "text-warn" : "text-muted"}`}
            data-testid="behind"
            data-worker={c.name}
            data-behind-ms={b.ms ?? ""}
            data-basis={b.basis}
          >
            {text}
          </span>
        );
      })}
    </>
  );
}
