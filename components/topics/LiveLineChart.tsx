"use client";

import { memo, type ReactElement } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
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
          <CartesianGrid stroke="var(--grid)" vertical={false} />
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

/** Points of values over (event) time. */
export const LiveScatterChart = memo(function LiveScatterChart({ data, color, height = 180, testid }: { data: { t: number; v: number }[]; color: string; height?: number; testid?: string }) {
  return (
    <div data-testid={testid} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={margin}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={formatShortClock} {...axis} minTickGap={40} />
          <YAxis dataKey="v" type="number" {...axis} width={48} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={clockLabel} />
          <Scatter data={data} fill={color} isAnimationActive={false} shape="circle" />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
});
