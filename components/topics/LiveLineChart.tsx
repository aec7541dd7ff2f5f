import { memo, useMemo, type ReactElement } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatShortClock } from "@/components/ui/format";

export interface Series {
  key: string;
  color: string;
  name?: string;
}

const axis = { stroke: "var(--muted)", fontSize: 11 };
const tooltipStyle = { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12 };
const margin = { top: 8, right: 12, bottom: 0, left: -8 };
const clockLabel = (v: unknown) => formatShortClock(Number(v));
// The grid has no vertical lines, but Recharts still works out where they would go, measuring every x label in the DOM.
const noVerticalLines = () => [];

/** A line chart of live data: time on x, no animation, bounded data from the caller. Memoised: pass stable `series`. */
export const LiveLineChart = memo(function LiveLineChart<T extends { t: number }>({
  data,
  series,
  height = 180,
  testid,
}: {
  data: T[];
  series: Series[];
  height?: number;
  testid?: string;
}) {
  return (
    <div data-testid={testid} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={margin}>
          <CartesianGrid stroke="var(--grid)" vertical={false} verticalCoordinatesGenerator={noVerticalLines} />
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={formatShortClock} {...axis} minTickGap={40} />
          <YAxis {...axis} width={48} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={clockLabel} />
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name ?? s.key}
              stroke={s.color}
              dot={false}
              strokeWidth={1.75}
              isAnimationActive={false}
              type="monotone"
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}) as <T extends { t: number }>(props: { data: T[]; series: Series[]; height?: number; testid?: string }) => ReactElement;

/** Matches the area of Recharts' default scatter symbol. */
const dot = (color: string) => ({ r: 4.5, fill: color, stroke: "none" });

/**
 * Points of values over (event) time. Drawn as a line's dots, not a Scatter: Scatter keys each
 * point by position and index, so every update re-creates all of them; dots are keyed by index.
 */
export const LiveScatterChart = memo(function LiveScatterChart({ data, color, height = 180, testid }: { data: { t: number; v: number }[]; color: string; height?: number; testid?: string }) {
  const dots = useMemo(() => dot(color), [color]);
  return (
    <div data-testid={testid} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={margin}>
          <CartesianGrid stroke="var(--grid)" vertical={false} verticalCoordinatesGenerator={noVerticalLines} />
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={formatShortClock} {...axis} minTickGap={40} />
          <YAxis type="number" {...axis} width={48} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={clockLabel} />
          <Line dataKey="v" stroke="none" dot={dots} activeDot={false} isAnimationActive={false} type="linear" />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
