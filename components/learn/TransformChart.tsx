import { useMemo } from "react";
import { ReferenceDot, ReferenceLine } from "recharts";
import { strategyResult } from "@/lib/pipeline/transform";
import { charts } from "@/lib/charts/definitions";
import { ChartFrame, type XAxisSpec } from "@/components/charts/ChartFrame";
import { useI18n } from "@/components/i18n/provider";

const DATA = Array.from({ length: 100 }, (_, i) => ({ value: i + 1, result: strategyResult(i + 1) }));
const DEF = charts.transform();
// The two drops of the function, where a learner's guess usually goes wrong.
const MARK = "var(--chart-3)";
const dropLabel = (text: string) => ({ value: text, position: "bottom" as const, fontSize: 11, fill: "var(--muted)" });

/** The strategy function over every value a producer makes, with its two drops marked. */
export function TransformChart() {
  const { t } = useI18n();
  const x = useMemo<XAxisSpec>(
    () => ({ key: "value", domain: [1, 100], ticks: [1, 30, 60, 100], tooltipLabel: (v) => t("chart.transform.tooltip", { v }) }),
    [t],
  );
  return (
    <div className="card p-3">
      <ChartFrame def={DEF} data={DATA} height={220} x={x} captionIsCode>
        <ReferenceLine x={30} stroke={MARK} strokeDasharray="3 3" />
        <ReferenceLine x={61} stroke={MARK} strokeDasharray="3 3" />
        <ReferenceDot x={30} y={55} r={4} fill={MARK} stroke="none" label={dropLabel("30 → 55")} />
        <ReferenceDot x={61} y={37} r={4} fill={MARK} stroke="none" label={dropLabel("61 → 37")} />
      </ChartFrame>
    </div>
  );
}
