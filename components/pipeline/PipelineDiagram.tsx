"use client";
// A client container: it owns which node's logs are open and draws every node and edge from the live pipeline view.

import { useState } from "react";
import { COMPONENT_NAMES, type ComponentName } from "@/lib/contract/api";
import { useBroker } from "@/components/live/BrokerProvider";
import { usePipeline } from "@/components/live/PipelineProvider";
import { flowing } from "@/lib/live/node-state";
import { seriesColor } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { ComponentNode } from "./ComponentNode";
import { LogDrawer } from "./LogDrawer";
import { PipelineControls } from "./PipelineControls";
import { TopicChip } from "./TopicChip";
import { DIAGRAM_HEIGHT, EDGES, NODE_AT, TOPIC_AT } from "./layout";

const place = (p: { x: number; y: number }) => ({ left: `${p.x}%`, top: p.y, transform: "translate(-50%, -50%)" });

const accentOf = (name: ComponentName) =>
  name.startsWith("producer-") ? seriesColor(name.slice(-1)) : name === "join" ? "var(--series-d)" : "var(--accent)";

/** Producers → topics → workers → topics, each node live, each edge moving while records flow. */
export function PipelineDiagram() {
  const pipeline = usePipeline();
  const { t } = useI18n();
  const [logsOf, setLogsOf] = useState<ComponentName | null>(null);
  const view = (name: ComponentName) => pipeline?.components.find((c) => c.name === name);
  const broker = useBroker();
  const running = (name: ComponentName) => flowing(view(name)?.status, broker);
  return (
    <section className="card min-w-0 p-4" data-testid="pipeline-diagram" aria-label={t("pipeline.title")}>
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h2 className="text-base font-semibold">{t("pipeline.title")}</h2>
        <p className="text-sm text-muted">{pipeline ? t("pipeline.intro") : t("pipeline.waiting")}</p>
        <div className="ml-auto">
          <PipelineControls />
        </div>
      </div>
      <div className="overflow-x-auto">
        <div className="relative min-w-[1160px]" style={{ height: DIAGRAM_HEIGHT }}>
          <svg
            className="absolute inset-0 h-full w-full"
            viewBox={`0 0 100 ${DIAGRAM_HEIGHT}`}
            preserveAspectRatio="none"
            aria-hidden
          >
            {EDGES.map((e) => (
              <path
                key={e.id}
                d={e.path}
                fill="none"
                vectorEffect="non-scaling-stroke"
                className={running(e.driver) ? "edge-flow" : undefined}
                stroke={e.kind === "dead" ? "var(--err)" : "var(--muted)"}
                strokeOpacity={running(e.driver) ? 0.75 : 0.3}
                strokeWidth={running(e.driver) ? 2 : 1.5}
                strokeDasharray={e.kind === "dead" ? "3 5" : running(e.driver) ? "6 6" : undefined}
              />
            ))}
          </svg>
          {Object.entries(TOPIC_AT).map(([topic, at]) => (
            <div key={topic} className="absolute" style={place(at)}>
              <TopicChip
                topic={topic}
                color={topic === "dead_letters" ? "var(--err)" : seriesColor(topic[0] ?? "")}
                label={t("pipeline.openTopic", { topic })}
              />
            </div>
          ))}
          {COMPONENT_NAMES.map((name) => (
            <div key={name} className="absolute" style={place(NODE_AT[name])}>
              <ComponentNode
                name={name}
                view={view(name)}
                accent={accentOf(name)}
                onLogs={setLogsOf}
                wide={!name.startsWith("producer-")}
              />
            </div>
          ))}
          <StageLabels />
        </div>
      </div>
      {logsOf && <LogDrawer name={logsOf} onClose={() => setLogsOf(null)} />}
    </section>
  );
}

function StageLabels() {
  const { t } = useI18n();
  const stages = [
    { x: 8, key: "pipeline.stage.producers" },
    { x: 25, key: "pipeline.stage.inputs" },
    { x: 42, key: "pipeline.stage.transform" },
    { x: 60, key: "pipeline.stage.outputs" },
    { x: 78, key: "pipeline.stage.join" },
  ] as const;
  return (
    <>
      {stages.map((s) => (
        <div key={s.key} className="eyebrow absolute" style={{ left: `${s.x}%`, top: 4, transform: "translateX(-50%)" }}>
          {t(s.key)}
        </div>
      ))}
    </>
  );
}
