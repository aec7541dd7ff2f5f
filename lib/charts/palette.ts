/**
 * Colours of chart lines and marks: CSS variables defined in app/globals.css ("Chart colours" block),
 * each ≥ 3:1 against the page and card backgrounds in both themes (checked by palette.test.ts).
 */
export const CHART_COLORS = ["--chart-1", "--chart-2", "--chart-3", "--chart-4", "--chart-5", "--chart-6", "--chart-lag", "--chart-rate"] as const;
export type ChartColorVar = (typeof CHART_COLORS)[number];
export type ChartColor = `var(${ChartColorVar})`;

const cssVar = (name: ChartColorVar): ChartColor => `var(${name})`;

/** Strategies A…D keep one colour everywhere (C and D are also the join's two sides). */
const STRATEGY: Record<string, ChartColorVar> = { A: "--chart-1", B: "--chart-2", C: "--chart-3", D: "--chart-4" };
const CATEGORICAL: ChartColorVar[] = ["--chart-1", "--chart-2", "--chart-3", "--chart-4", "--chart-5", "--chart-6"];

export const strategyColor = (s: string): ChartColor => cssVar(STRATEGY[s] ?? "--chart-rate");
export const partitionColor = (p: number): ChartColor => cssVar(CATEGORICAL[p % CATEGORICAL.length] as ChartColorVar);
export const LAG_COLOR = cssVar("--chart-lag");
export const RATE_COLOR = cssVar("--chart-rate");
