import type { Emission } from "@/lib/live/aggregates";
import { formatShortClock, seriesColor } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

const MODE_TONE: Record<Emission["mode"], string> = {
  append: "bg-ok/15 text-ok",
  update: "bg-accent-soft text-accent",
  complete: "bg-warn/15 text-warn",
};

/** Emitted rows, one block per emission (strategy + batch), newest first. */
export function AggTable({ emissions }: { emissions: Emission[] }) {
  const { t } = useI18n();
  return (
    <ScrollRegion
      label={t("agg.table")}
      className="max-h-[460px] overflow-auto rounded-lg border border-line"
      data-testid="agg-table"
      data-count={emissions.length}
    >
      <table className="w-full text-left text-xs">
        <thead className="sticky top-0 z-10 bg-surface-2 text-muted">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t("agg.col.mode")}
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t("agg.col.window")}
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              {t("agg.col.count")}
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              {t("agg.col.avg")}
            </th>
          </tr>
        </thead>
        {emissions.map((e) => (
          <tbody key={e.id} className="border-t-2 border-line" data-testid="agg-emission" data-mode={e.mode} data-strategy={e.strategy}>
            <tr className="bg-surface-2/60">
              <td colSpan={4} className="px-2 py-1">
                <span className="flex flex-wrap items-center gap-2">
                  <span className={`rounded px-1.5 py-0.5 font-mono text-[11px] font-semibold ${MODE_TONE[e.mode]}`}>{e.mode}</span>
                  {/* The strategy's colour as a swatch: series colours are too light for small text on this row. */}
                  <span className="inline-flex items-center gap-1.5 font-medium">
                    <span aria-hidden className="h-2 w-2 rounded-full" style={{ background: seriesColor(e.strategy) }} />
                    {t("agg.emission", { strategy: e.strategy, batch: e.batch })}
                  </span>
                  <span className="text-muted">{t("agg.rows", { count: e.rows.length })}</span>
                  <span className="ml-auto font-mono text-muted">{formatShortClock(e.at)}</span>
                </span>
              </td>
            </tr>
            {e.rows.map((r) => (
              <tr key={`${r.windowStart}-${r.windowEnd}`} className="font-mono" data-testid="agg-row">
                <td className="px-2 py-0.5 text-muted">{r.mode}</td>
                <td className="whitespace-nowrap px-2 py-0.5">
                  [{formatShortClock(r.windowStart)}, {formatShortClock(r.windowEnd)})
                </td>
                <td className="px-2 py-0.5 text-right">{r.count}</td>
                <td className="px-2 py-0.5 text-right">{r.avg.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </ScrollRegion>
  );
}
