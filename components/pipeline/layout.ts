import type { ComponentName } from "@/lib/contract/api";
import { AGGREGATES_TOPIC, DEAD_LETTER_TOPIC, inputTopic, JOIN_OUTPUT_TOPIC, outputTopic, STRATEGIES, type Strategy } from "@/lib/contract/records";

/** Diagram coordinates: x in percent of the width, y in pixels. */
export interface Point {
  x: number;
  y: number;
}

export const DIAGRAM_HEIGHT = 560;
const ROW: Record<Strategy, number> = { A: 95, B: 200, C: 305, D: 410 };

export const NODE_AT: Record<ComponentName, Point> = {
  "producer-A": { x: 8, y: ROW.A },
  "producer-B": { x: 8, y: ROW.B },
  "producer-C": { x: 8, y: ROW.C },
  "producer-D": { x: 8, y: ROW.D },
  strategy: { x: 42, y: 252 },
  join: { x: 78, y: 358 },
  aggregate: { x: 78, y: 150 },
};

export const TOPIC_AT: Record<string, Point> = {
  ...Object.fromEntries(STRATEGIES.map((s) => [inputTopic(s), { x: 25, y: ROW[s] }])),
  ...Object.fromEntries(STRATEGIES.map((s) => [outputTopic(s), { x: 60, y: ROW[s] }])),
  [JOIN_OUTPUT_TOPIC]: { x: 93, y: 358 },
  [AGGREGATES_TOPIC]: { x: 93, y: 150 },
  [DEAD_LETTER_TOPIC]: { x: 60, y: 525 },
};

/**
 * The diagram's columns, left to right. From xl up each item sits at its point above; on a narrower
 * screen the stages stack top to bottom in this order, each a label over its nodes and topics.
 */
export interface Stage {
  label: "pipeline.stage.producers" | "pipeline.stage.inputs" | "pipeline.stage.transform" | "pipeline.stage.outputs" | "pipeline.stage.join";
  /** Where the label sits over the wide diagram, in percent of its width. */
  x: number;
  nodes: ComponentName[];
  topics: string[];
}

export const STAGES: Stage[] = [
  { label: "pipeline.stage.producers", x: 8, nodes: STRATEGIES.map((s) => `producer-${s}` as const), topics: [] },
  { label: "pipeline.stage.inputs", x: 25, nodes: [], topics: STRATEGIES.map(inputTopic) },
  { label: "pipeline.stage.transform", x: 42, nodes: ["strategy"], topics: [] },
  { label: "pipeline.stage.outputs", x: 60, nodes: [], topics: [...STRATEGIES.map(outputTopic), DEAD_LETTER_TOPIC] },
  { label: "pipeline.stage.join", x: 78, nodes: ["aggregate", "join"], topics: [AGGREGATES_TOPIC, JOIN_OUTPUT_TOPIC] },
];

export interface Edge {
  id: string;
  path: string;
  /** The component whose running makes records flow along this edge. */
  driver: ComponentName;
  kind: "data" | "dead";
}

const curve = (a: Point, b: Point) => {
  const mx = (a.x + b.x) / 2;
  return `M${a.x} ${a.y} C${mx} ${a.y} ${mx} ${b.y} ${b.x} ${b.y}`;
};

const t = (name: string) => TOPIC_AT[name] as Point;

export const EDGES: Edge[] = [
  ...STRATEGIES.flatMap((s): Edge[] => [
    { id: `p-${s}`, path: curve(NODE_AT[`producer-${s}`], t(inputTopic(s))), driver: `producer-${s}`, kind: "data" },
    { id: `in-${s}`, path: curve(t(inputTopic(s)), NODE_AT.strategy), driver: "strategy", kind: "data" },
    { id: `out-${s}`, path: curve(NODE_AT.strategy, t(outputTopic(s))), driver: "strategy", kind: "data" },
  ]),
  ...STRATEGIES.map((s): Edge => ({ id: `agg-${s}`, path: curve(t(outputTopic(s)), NODE_AT.aggregate), driver: "aggregate", kind: "data" })),
  { id: "agg-out", path: curve(NODE_AT.aggregate, t(AGGREGATES_TOPIC)), driver: "aggregate", kind: "data" },
  { id: "join-c", path: curve(t(outputTopic("C")), NODE_AT.join), driver: "join", kind: "data" },
  {
    id: "join-d",
    path: `M25 ${ROW.D} C30 ${ROW.D} 30 470 36 470 L70 470 C76 470 74 ${NODE_AT.join.y} ${NODE_AT.join.x} ${NODE_AT.join.y}`,
    driver: "join",
    kind: "data",
  },
  { id: "join-out", path: curve(NODE_AT.join, t(JOIN_OUTPUT_TOPIC)), driver: "join", kind: "data" },
  { id: "dl-strategy", path: curve(NODE_AT.strategy, t(DEAD_LETTER_TOPIC)), driver: "strategy", kind: "dead" },
  { id: "dl-join", path: curve(NODE_AT.join, t(DEAD_LETTER_TOPIC)), driver: "join", kind: "dead" },
];
