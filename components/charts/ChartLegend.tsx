"use client";

import type { ChartDef } from "@/lib/charts/definitions";
import { useI18n } from "@/components/i18n/provider";

/**
 * Which colour is which series, in words: HTML beside the svg, so it wraps on a phone and a
 * screen reader reads the translated names.
 */
export function ChartLegend({ def, points = false }: { def: ChartDef; points?: boolean }) {
  const { t } = useI18n();
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-label={t("chart.legend")} data-testid="chart-legend">
      {def.series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5" data-testid="chart-legend-item" data-key={s.key}>
          <svg width={16} height={10} aria-hidden="true" className="shrink-0">
            {points ? <circle cx={8} cy={5} r={4} fill={s.color} /> : <line x1={0} x2={16} y1={5} y2={5} stroke={s.color} strokeWidth={2.5} />}
          </svg>
          <span className="text-ink">{t(s.name.key, s.name.params)}</span>
        </li>
      ))}
    </ul>
  );
}
