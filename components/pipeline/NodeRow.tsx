"use client";

import { useState } from "react";
import type { ComponentName } from "@/lib/contract/api";
import { usePipeline } from "@/components/live/PipelineProvider";
import { ComponentNode } from "@/components/pipeline/ComponentNode";
import { LogDrawer } from "@/components/pipeline/LogDrawer";
import { seriesColor } from "@/components/ui/format";

/** Start/stop controls (and their logs) for the components an experiment or a lesson needs. */
export function NodeRow({ names }: { names: ComponentName[] }) {
  const pipeline = usePipeline();
  const [logsOf, setLogsOf] = useState<ComponentName | null>(null);
  return (
    <div className="flex flex-wrap gap-3">
      {names.map((name) => (
        <ComponentNode
          key={name}
          name={name}
          view={pipeline?.components.find((c) => c.name === name)}
          accent={name.startsWith("producer-") ? seriesColor(name.slice(-1)) : "var(--accent)"}
          onLogs={setLogsOf}
        />
      ))}
      {logsOf && <LogDrawer key={logsOf} name={logsOf} onClose={() => setLogsOf(null)} />}
    </div>
  );
}
