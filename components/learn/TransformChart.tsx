import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { strategyResult } from "@/lib/pipeline/transform";

const DATA = Array.from({ length: 100 }, (_, i) => ({ value: i + 1, result: strategyResult(i + 1) }));
const axis = { stroke: "var(--muted)", fontSize: 11 };

/** The strategy function over every value a producer makes, with its two drops marked. */
export function TransformChart() {
  return (
    <div className="card p-3" data-testid="transform-chart">
      <div className="mb-1 font-mono text-xs text-muted">result = f(value), value 1…100</div>
      <div style={{ height: 220 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={DATA} margin={{ top: 12, right: 16, bottom: 4, left: -8 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis dataKey="value" type="number" domain={[1, 100]} ticks={[1, 30, 60, 100]} {...axis} />
            <YAxis {...axis} width={44} />
            <Tooltip
              contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12 }}
              labelFormatter={(v) => `value ${v}`}
            />
            <ReferenceLine x={30} stroke="var(--warn)" strokeDasharray="3 3" />
            <ReferenceLine x={61} stroke="var(--warn)" strokeDasharray="3 3" />
            <Line dataKey="result" stroke="var(--accent)" dot={false} strokeWidth={2} isAnimationActive={false} type="linear" />
            <ReferenceDot x={30} y={55} r={4} fill="var(--warn)" stroke="none" label={{ value: "30 → 55", position: "bottom", fontSize: 11, fill: "var(--muted)" }} />
            <ReferenceDot x={61} y={37} r={4} fill="var(--warn)" stroke="none" label={{ value: "61 → 37", position: "bottom", fontSize: 11, fill: "var(--muted)" }} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
