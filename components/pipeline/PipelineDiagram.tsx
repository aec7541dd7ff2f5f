"use client";
// A client container: it owns which node's logs are open and draws every node and edge from the live pipeline view.

import { useState, type CSSProperties } from "react";
import type { ComponentName } from "@/lib/contract/api";
import { useBroker } from "@/components/live/BrokerProvider";
import { usePipeline } from "@/components/live/PipelineProvider";
import { flowing } from "@/lib/live/node-state";
import { seriesColor } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { ComponentNode } from "./ComponentNode";
import { LogDrawer } from "./LogDrawer";
import { PipelineControls } from "./PipelineControls";
import { TopicChip } from "./TopicChip";
import { DIAGRAM_HEIGHT, EDGES, NODE_AT, STAGES, TOPIC_AT, type Point } from "./layout";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

/** A point of the wide diagram as CSS variables, used only from xl up (see PLACED). */
const at = (p: Point) => ({ "--x": `${p.x}%`, "--y": `${p.y}px` }) as CSSProperties;
const PLACED = "sm:w-auto xl:absolute xl:left-[var(--x)] xl:top-[var(--y)] xl:-translate-x-1/2 xl:-translate-y-1/2";

const accentOf = (name: ComponentName) => (name.startsWith("producer-") ? seriesColor(name.slice(-1)) : name === "join" ? "var(--series-d)" : "var(--accent)");

/** Producers → topics → workers → topics, each node live, each edge moving while records flow. */
/** `heading`: h1 on the pipeline page, h2 where a lesson shows the diagram under its own h1. */
export function PipelineDiagram({ heading: Title = "h2" }: { heading?: "h1" | "h2" }) {
  const pipeline = usePipeline();
  const { t } = useI18n();
  const [logsOf, setLogsOf] = useState<ComponentName | null>(null);
  const view = (name: ComponentName) => pipeline?.components.find((c) => c.name === name);
  const broker = useBroker();
  const running = (name: ComponentName) => flowing(view(name)?.status, broker);
  return (
    <section className="card min-w-0 p-4" data-testid="pipeline-diagram" aria-label={t("pipeline.title")}>
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <Title className="text-base font-semibold">{t("pipeline.title")}</Title>
        <p className="text-sm text-muted">{pipeline ? t("pipeline.intro") : t("pipeline.waiting")}</p>
        <div className="ml-auto">
          <PipelineControls />
        </div>
      </div>
      <ScrollRegion label={t("layout.scrollDiagram")} className="xl:pb-1">
        {/* From xl the nodes and topics sit at their points over the edges (each stage's boxes are
            `display: contents`); below xl the edges are hidden and the stages stack, so a phone never
            scrolls the page sideways and every node has the card's full width. */}
        <div className="relative grid gap-4 xl:block xl:h-[var(--h)] xl:min-w-[1160px]" style={{ "--h": `${DIAGRAM_HEIGHT}px` } as CSSProperties}>
          <svg className="absolute inset-0 hidden h-full w-full xl:block" viewBox={`0 0 100 ${DIAGRAM_HEIGHT}`} preserveAspectRatio="none" aria-hidden>
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
          {STAGES.map((stage) => (
            <div key={stage.label} className="grid gap-2 xl:contents">
              <div className="eyebrow xl:absolute xl:left-[var(--x)] xl:top-1 xl:-translate-x-1/2" style={at({ x: stage.x, y: 0 })}>
                {t(stage.label)}
              </div>
              <div className="flex flex-wrap items-start gap-2 xl:contents">
                {stage.nodes.map((name) => (
                  <div key={name} className={`w-full ${PLACED}`} style={at(NODE_AT[name])}>
                    <ComponentNode
                      name={name}
                      view={view(name)}
                      accent={accentOf(name)}
                      onLogs={setLogsOf}
                      width={name.startsWith("producer-") ? "w-full sm:w-56 xl:w-[180px]" : "w-full sm:w-56 xl:w-[210px]"}
                    />
                  </div>
                ))}
                {stage.topics.map((topic) => (
                  <div key={topic} className={PLACED} style={at(TOPIC_AT[topic]!)}>
                    <TopicChip
                      topic={topic}
                      color={topic === "dead_letters" ? "var(--err)" : seriesColor(topic[0] ?? "")}
                      label={t("pipeline.openTopic", { topic })}
                    />
                  </div>
                ))}
              </div>
            </div>
          ))}
        </div>
      </ScrollRegion>
      {logsOf && <LogDrawer key={logsOf} name={logsOf} onClose={() => setLogsOf(null)} />}
    </section>
  );
}
