import { scaleLinear, scaleTime } from "d3-scale";

/** Font size of every chart's tick labels, in px. */
export const TICK_FONT_PX = 11;
// Widest glyph used in a tick label ("M", "k" and the digits are narrower), as a share of the font size.
// Conservative on purpose: a little empty space beats a clipped "18000" read as "L8000".
const CHAR_EM = 0.68;
// Recharts draws the tick line (6 px) and a 2 px gap between the label and the plot, inside the axis width.
const TICK_GAP_PX = 8;
// Room at the left edge so the first glyph is never on the svg's border.
const EDGE_PX = 4;

/**
 * Tick labels as a learner reads them, short, in one unit per axis chosen by its largest tick:
 * 950 → "950"; on a 0…20k axis 5000 → "5k", 18000 → "18k"; 123456 → "123.5k"; 2500000 → "2.5M".
 */
export function tickFormatter(maxAbs: number): (n: number) => string {
  if (maxAbs >= 1_000_000) return (n) => `${trim(n / 1_000_000)}M`;
  if (maxAbs >= 10_000) return (n) => (n === 0 ? "0" : `${trim(n / 1000)}k`);
  return (n) => trim(n, 2);
}

/** One number as a tick label, in its own unit. */
export const formatTick = (n: number): string => tickFormatter(Math.abs(n))(n);

const trim = (n: number, digits = 1) => String(Number(n.toFixed(digits)));

/** The width, in px, that a tick label of this text needs at TICK_FONT_PX. */
export function labelWidth(text: string, fontPx = TICK_FONT_PX): number {
  return Math.ceil(text.length * fontPx * CHAR_EM);
}

export interface YAxisSpec {
  domain: [number, number];
  ticks: number[];
  labels: string[];
  format: (n: number) => string;
  /** Axis width in px: the widest label, the tick line and its gap. */
  width: number;
}

/**
 * Nice y ticks (d3-scale) over the values drawn, and an axis as wide as its widest label: the
 * top tick can be larger than any value (17 800 → 20k), so the width comes from the ticks, not the data.
 * Counts, lag and rates start at 0, so a flat line does not look like a swing. `whole`: only whole ticks.
 */
export function yAxisSpec(values: number[], { tickCount = 5, whole = false }: { tickCount?: number; whole?: boolean } = {}): YAxisSpec {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  const scale = scaleLinear()
    .domain([lo, hi > lo ? hi : lo + 1])
    .nice(tickCount);
  // Counts (records, lag) have no halves: on a 0…2 axis, ticks 0, 1, 2 rather than 0, 0.5, … 2.
  const ticks = whole ? scale.ticks(tickCount).filter(Number.isInteger) : scale.ticks(tickCount);
  const [d0, d1] = scale.domain() as [number, number];
  const format = tickFormatter(Math.max(Math.abs(d0), Math.abs(d1)));
  const labels = ticks.map(format);
  const widest = Math.max(...labels.map((l) => labelWidth(l)));
  return { domain: [d0, d1], ticks, labels, format, width: widest + TICK_GAP_PX + EDGE_PX };
}

/** Every value of the given keys in the rows, for yAxisSpec. */
export function valuesOf<T extends object>(rows: readonly T[], keys: readonly string[]): number[] {
  const out: number[] = [];
  for (const row of rows) {
    for (const k of keys) {
      const v = (row as Record<string, unknown>)[k];
      if (typeof v === "number") out.push(v);
    }
  }
  return out;
}

/**
 * Time ticks on whole seconds at a nice step (1, 5, 15, 30 s, 1 min, …; d3-scale), for an axis that
 * labels them hh:mm:ss: two ticks inside one second would show the same label twice.
 */
export function timeTicks(from: number, to: number, count = 5): number[] {
  if (!(to > from)) return Number.isFinite(from) ? [from] : [];
  const ticks = scaleTime()
    .domain([new Date(from), new Date(to)])
    .ticks(count)
    .map((d) => d.getTime());
  const whole = ticks.filter((t) => t % 1000 === 0);
  // Less than a second or two of data: its ends, if they fall in different seconds.
  if (whole.length >= 2) return whole;
  return Math.floor(from / 1000) === Math.floor(to / 1000) ? [from] : [from, to];
}
