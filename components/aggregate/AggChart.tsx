import { useMemo } from "react";
import { avgByWindow, strategiesOf, type Emission } from "@/lib/live/aggregates";
import { charts } from "@/lib/charts/definitions";
import { ChartFrame } from "@/components/charts/ChartFrame";

/** Average per window over the window's start, one line per strategy (its newest emitted value). */
export function AggChart({ emissions, height = 200 }: { emissions: Emission[]; height?: number }) {
  const data = useMemo(() => avgByWindow(emissions), [emissions]);
  const shape = strategiesOf(emissions).join(",");
  // `shape` stands for the strategies: a new array on every emission.
  const def = useMemo(() => charts.aggAverages(shape ? shape.split(",") : []), [shape]);
  return <ChartFrame def={def} data={data} height={height} />;
}
