import type { MessageKey, Params } from "@/lib/i18n";
import { LAG_COLOR, RATE_COLOR, partitionColor, strategyColor, type ChartColor } from "./palette";

/** Text from the dictionaries: a key and its values. */
export interface Label {
  key: MessageKey;
  params?: Params;
}

/** What a series measures, which decides how its samples are joined. */
export type SeriesKind = "count" | "rate" | "value";

export interface SeriesDef {
  /** The data field. */
  key: string;
  name: Label;
  color: ChartColor;
  kind: SeriesKind;
}

export interface ChartDef {
  /** data-testid of the chart's figure. */
  id: string;
  /** The chart's caption and accessible name. */
  title: Label;
  x: Label;
  y: Label;
  series: SeriesDef[];
  /** Lines (default), points only (values of single records), or both (few, far-apart samples). */
  marks?: "lines" | "points" | "linesAndPoints";
}

export type Curve = "stepAfter" | "linear";

/**
 * How the frame draws a chart. No smoothing: a count holds its value until the next sample (a step),
 * a rate or a value is joined by straight segments, so nothing bends where no sample was taken.
 * A legend whenever there is more than one line, or colour alone would have to tell them apart.
 */
export function frameConfig(def: ChartDef): { legend: boolean; curves: Curve[]; wholeTicks: boolean } {
  return {
    legend: def.series.length >= 2,
    curves: def.series.map((s) => curveOf(s.kind)),
    // Only counts on the axis: no 0.5 record.
    wholeTicks: def.series.length > 0 && def.series.every((s) => s.kind === "count"),
  };
}

export const curveOf = (kind: SeriesKind): Curve => (kind === "count" ? "stepAfter" : "linear");

const TIME: Label = { key: "chart.time" };
const label = (key: MessageKey, params?: Params): Label => (params ? { key, params } : { key });

/** Every chart of the app, by what it shows. Components build theirs here, so the tests see the same. */
export const charts = {
  topicRate: (topic: string): ChartDef => ({
    id: "rate-chart",
    title: label("topics.rate"),
    x: TIME,
    y: label("chart.axis.recordsPerSec"),
    series: [{ key: "rate", name: label("topics.rate"), color: strategyColor(topic[0] ?? ""), kind: "rate" }],
  }),
  topicValues: (topic: string): ChartDef => ({
    id: "value-chart",
    title: label("topics.values"),
    x: TIME,
    y: label("chart.axis.value"),
    series: [{ key: "v", name: label("chart.series.value"), color: strategyColor(topic[0] ?? ""), kind: "value" }],
    marks: "points",
  }),
  groupLag: (group: string, partitions: number[]): ChartDef => ({
    id: `lag-chart-${group}`,
    title: label("topics.lagOverTime", { group }),
    x: TIME,
    y: label("chart.axis.records"),
    series: partitions.map((p) => ({ key: `p${p}`, name: label("chart.series.partition", { n: p }), color: partitionColor(p), kind: "count" })),
  }),
  joinState: (): ChartDef => ({
    id: "join-state-chart",
    title: label("join.state"),
    x: TIME,
    y: label("chart.axis.records"),
    series: [
      { key: "stateC", name: label("join.stateC"), color: strategyColor("C"), kind: "count" },
      { key: "stateD", name: label("join.stateD"), color: strategyColor("D"), kind: "count" },
    ],
  }),
  joinMatches: (): ChartDef => ({
    id: "join-matches-chart",
    title: label("join.matchesPerSec"),
    x: TIME,
    y: label("chart.axis.recordsPerSec"),
    series: [{ key: "matchesPerSec", name: label("join.matchesPerSec"), color: RATE_COLOR, kind: "rate" }],
  }),
  chaosLag: (): ChartDef => ({
    id: "chaos-lag-chart",
    title: label("exp.chaos.lagTitle"),
    x: TIME,
    y: label("chart.axis.records"),
    series: [{ key: "lag", name: label("topics.lag"), color: LAG_COLOR, kind: "count" }],
  }),
  scaleLag: (): ChartDef => ({
    id: "scale-lag-chart",
    title: label("exp.lagChart"),
    x: TIME,
    y: label("chart.axis.lagAndRate"),
    series: [
      { key: "lag", name: label("topics.lag"), color: LAG_COLOR, kind: "count" },
      { key: "outPerSec", name: label("exp.outPerSec"), color: RATE_COLOR, kind: "rate" },
    ],
  }),
  aggAverages: (strategies: string[]): ChartDef => ({
    id: "agg-chart",
    title: label("agg.chart"),
    x: label("chart.axis.windowStart"),
    y: label("chart.axis.average"),
    series: strategies.map((s) => ({ key: s, name: label("chart.series.strategy", { s }), color: strategyColor(s), kind: "value" })),
    marks: "linesAndPoints",
  }),
  genderCounts: (): ChartDef => ({
    id: "gender-count-chart",
    title: label("chart.gender.title"),
    x: label("chart.axis.windowStart"),
    y: label("chart.axis.records"),
    series: [
      { key: "female", name: label("chart.gender.female"), color: partitionColor(0), kind: "count" },
      { key: "male", name: label("chart.gender.male"), color: partitionColor(1), kind: "count" },
      { key: "unknown", name: label("chart.gender.unknown"), color: partitionColor(2), kind: "count" },
    ],
    marks: "linesAndPoints",
  }),
  transform: (): ChartDef => ({
    id: "transform-chart",
    title: label("chart.transform.title"),
    x: label("chart.axis.value"),
    y: label("chart.axis.result"),
    series: [{ key: "result", name: label("chart.series.result"), color: RATE_COLOR, kind: "value" }],
  }),
} satisfies Record<string, (...args: never[]) => ChartDef>;
