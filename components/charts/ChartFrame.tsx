"use client";

import { memo, useId, useMemo, type ReactElement, type ReactNode } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { yAxisSpec, valuesOf, TICK_FONT_PX, timeTicks } from "@/lib/charts/axis";
import { frameConfig, type ChartDef } from "@/lib/charts/definitions";
import { formatShortClock } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { ChartLegend } from "./ChartLegend";

/** The x axis when it is not time in field `t`: e.g. the transform chart's value 1…100. */
export interface XAxisSpec {
  key: string;
  domain: [number, number];
  ticks?: number[];
  /** How a tick reads (default: the number), e.g. a window start as its day. */
  tickLabel?: (v: number) => string;
  tooltipLabel: (v: number) => string;
}

interface Props<T extends object> {
  def: ChartDef;
  data: T[];
  /** Height of the plot, without caption and legend. */
  height?: number;
  x?: XAxisSpec;
  /** A line under the caption, e.g. how the values are measured. */
  note?: ReactNode;
  /** Extra Recharts marks (reference lines and dots). */
  children?: ReactNode;
  /** A caption that is a formula keeps its case, in the code font. */
  captionIsCode?: boolean;
}

const axis = { stroke: "var(--muted)", fontSize: TICK_FONT_PX };
const tooltipStyle = { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12, color: "var(--text)" };
const margin = { top: 8, right: 20, bottom: 0, left: 0 };
const clockLabel = (v: unknown) => formatShortClock(Number(v));
// The grid has no vertical lines, but Recharts still works out where they would go, measuring every x label in the DOM.
const noVerticalLines = () => [];
const pointDot = (color: string) => ({ r: 4.5, fill: color, stroke: "none" });
const smallDot = (color: string) => ({ r: 2.5, fill: color, stroke: color });

/**
 * The one frame of every chart: a figure named by its caption, axis titles, a y axis as wide as its
 * widest label, unsmoothed lines, and a legend whenever there are two or more series.
 * Memoised: pass a stable `def` (useMemo) and data.
 */
export const ChartFrame = memo(function ChartFrame<T extends object>({ def, data, height = 150, x, note, children, captionIsCode = false }: Props<T>) {
  const { t } = useI18n();
  const captionId = useId();
  const config = frameConfig(def);
  const y = useMemo(
    () =>
      yAxisSpec(
        valuesOf(
          data,
          def.series.map((s) => s.key),
        ),
        { whole: config.wholeTicks },
      ),
    [data, def, config.wholeTicks],
  );
  const marks = def.marks ?? "lines";
  const xTicks = useMemo(() => (x ? undefined : timeSpan(data)), [x, data]);
  const title = t(def.title.key, def.title.params);
  return (
    <figure
      className="m-0 min-w-0"
      aria-labelledby={captionId}
      data-testid={def.id}
      data-chart="true"
      data-series={def.series.length}
      data-points={data.length}
    >
      <figcaption id={captionId} className={captionIsCode ? "mb-1 font-mono text-xs text-muted" : "eyebrow mb-1"}>
        {title}
      </figcaption>
      {note}
      <div className="text-[11px] leading-4 text-muted" data-testid="chart-y-title">
        {t(def.y.key, def.y.params)}
      </div>
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={margin} title={title}>
            <CartesianGrid stroke="var(--grid)" vertical={false} verticalCoordinatesGenerator={noVerticalLines} />
            {x ? (
              <XAxis dataKey={x.key} type="number" domain={x.domain} ticks={x.ticks} tickFormatter={x.tickLabel} {...axis} />
            ) : (
              <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} ticks={xTicks} tickFormatter={formatShortClock} {...axis} minTickGap={40} />
            )}
            <YAxis type="number" domain={y.domain} ticks={y.ticks} tickFormatter={y.format} width={y.width} interval={0} {...axis} />
            <Tooltip contentStyle={tooltipStyle} labelFormatter={x ? (v: unknown) => x.tooltipLabel(Number(v)) : clockLabel} />
            {def.series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={t(s.name.key, s.name.params)}
                stroke={marks === "points" ? "none" : s.color}
                strokeWidth={2}
                dot={marks === "points" ? pointDot(s.color) : marks === "linesAndPoints" ? smallDot(s.color) : false}
                activeDot={marks === "points" ? false : undefined}
                connectNulls={marks === "linesAndPoints"}
                isAnimationActive={false}
                type={config.curves[i]}
              />
            ))}
            {children}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="-mt-1.5 text-right text-[11px] leading-4 text-muted" data-testid="chart-x-title">
        {t(def.x.key, def.x.params)}
      </div>
      {config.legend && <ChartLegend def={def} points={marks === "points"} />}
    </figure>
  );
}) as <T extends object>(props: Props<T>) => ReactElement;

/** Whole-second ticks over the rows' `t` (event times of the values chart are not in order). */
function timeSpan(rows: object[]): number[] {
  let lo = Infinity,
    hi = -Infinity;
  for (const r of rows) {
    const t = (r as { t?: number }).t;
    if (typeof t !== "number") continue;
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  return timeTicks(lo, hi);
}
