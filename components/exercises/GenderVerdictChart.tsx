"use client";

import { useMemo } from "react";
import type { Verdict } from "@/lib/contract/exercises";
import { charts } from "@/lib/charts/definitions";
import { dayLabel, dayTicks, foldGenderCounts } from "@/lib/live/gender-counts";
import { ChartFrame, type XAxisSpec } from "@/components/charts/ChartFrame";
import { useI18n } from "@/components/i18n/provider";

/** Exercise 7: seed 003's dashboard, drawn from the counts per gender per window your processor wrote. */
export function GenderVerdictChart({ verdict }: { verdict: Verdict | null }) {
  const { t } = useI18n();
  const points = useMemo(
    () =>
      foldGenderCounts(
        [],
        (verdict?.outputs ?? []).map((o) => ({ value: JSON.stringify(o.value) })),
      ),
    [verdict?.outputs],
  );
  const def = useMemo(() => charts.genderCounts(), []);
  const x = useMemo((): XAxisSpec => {
    const ticks = dayTicks(points);
    return { key: "t", domain: [ticks[0] ?? 0, points.at(-1)?.t ?? 1], ticks, tickLabel: dayLabel, tooltipLabel: dayLabel };
  }, [points]);
  if (points.length === 0) return <p className="text-sm text-muted">{t("exui.outputEmpty")}</p>;
  return <ChartFrame def={def} data={points} height={220} x={x} />;
}
