"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatShortClock } from "@/components/ui/format";

export interface Series {
  key: string;
  color: string;
  name?: string;
}

const axis = { stroke: "var(--muted)", fontSize: 11 };
const tooltipStyle = { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12 };

/** A line chart of live data: time on x, no animation, bounded data from the caller. */
export function LiveLineChart<T extends { t: number }>({
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
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={formatShortClock} {...axis} minTickGap={40} />
          <YAxis {...axis} width={48} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(v) => formatShortClock(Number(v))} />
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
}

/** Points of values over (event) time. */
export function LiveScatterChart({ data, color, height = 180, testid }: { data: { t: number; v: number }[]; color: string; height?: number; testid?: string }) {
  return (
    <div data-testid={testid} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={formatShortClock} {...axis} minTickGap={40} />
          <YAxis dataKey="v" type="number" {...axis} width={48} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(v) => formatShortClock(Number(v))} />
          <Scatter data={data} fill={color} isAnimationActive={false} shape="circle" />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
