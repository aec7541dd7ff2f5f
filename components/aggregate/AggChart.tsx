import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { avgByWindow, strategiesOf, type Emission } from "@/lib/live/aggregates";
import { formatShortClock, seriesColor } from "@/components/ui/format";

const axis = { stroke: "var(--muted)", fontSize: 11 };
const tooltipStyle = { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12 };

/** Average per window over the window's start, one line per strategy (its newest emitted value). */
export function AggChart({ emissions, height = 200 }: { emissions: Emission[]; height?: number }) {
  const data = avgByWindow(emissions);
  const strategies = strategiesOf(emissions);
  return (
    <div data-testid="agg-chart" data-points={data.length} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={formatShortClock} {...axis} minTickGap={40} />
          <YAxis {...axis} width={56} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(v) => formatShortClock(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {strategies.map((s) => (
            <Line
              key={s}
              dataKey={s}
              name={s}
              stroke={seriesColor(s)}
              dot={{ r: 2.5 }}
              connectNulls
              strokeWidth={1.75}
              isAnimationActive={false}
              type="linear"
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
