import { useEffect, useRef } from "react";
import { STRATEGIES } from "@/lib/contract/records";
import { breaksOf, newlyBroken, type Breaks } from "@/lib/live/inout";
import { useRecord } from "@/components/live/LessonProvider";
import { formatCount } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { useInOutVerdicts } from "./useInOut";

const TONE = { equal: "text-ok", waiting: "text-muted", duplicates: "text-err", missing: "text-err", both: "text-err" } as const;
const TEXT = {
  equal: "exp.inout.equal",
  waiting: "exp.inout.pending",
  duplicates: "exp.inout.duplicates",
  missing: "exp.inout.missing",
  both: "exp.inout.both",
} as const;

/** The running proof that the transform lost and repeated nothing: in = out + dead letters + waiting; or how many it lost and repeated. */
export function InOutCheck() {
  const { t } = useI18n();
  const inout = useInOutVerdicts();
  const stats = inout?.stats;
  useReportBreaks(inout ? breaksOf(Object.values(inout.verdicts)) : null);
  return (
    <div className="min-w-0" data-testid="inout-check">
      <h3 className="eyebrow mb-1">{t("exp.inout.title")}</h3>
      <p className="mb-2 text-xs text-muted">{t("exp.inout.formula")}</p>
      {!stats ? (
        <p className="text-sm text-muted">{t("common.loading")}</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 pr-2 font-normal">
                <span className="sr-only">{t("exp.inout.strategy")}</span>
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-normal">
                {t("exp.inout.in")}
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-normal">
                {t("exp.inout.out")}
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-normal">
                {t("exp.inout.dead")}
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-normal">
                {t("exp.inout.waiting")}
              </th>
              <th scope="col" className="py-1 pl-2 font-normal">
                {t("exp.inout.verdict")}
              </th>
            </tr>
          </thead>
          <tbody className="font-mono text-xs">
            {STRATEGIES.map((s) => {
              const x = stats.strategies.find((r) => r.strategy === s);
              if (!x) return null;
              const v = inout.verdicts[s];
              if (!v) return null;
              return (
                <tr
                  key={s}
                  className="border-t border-line"
                  data-testid={`inout-${s}`}
                  data-state={v.state}
                  data-n={v.n}
                  data-in={x.input}
                  data-out={x.output}
                  data-lost={v.lost}
                  data-duplicated={v.duplicated}
                >
                  <th scope="row" className="py-1 pr-2 text-left font-sans font-medium">
                    {s}
                  </th>
                  <td className="py-1 pr-2 text-right">{formatCount(x.input)}</td>
                  <td className="py-1 pr-2 text-right">{formatCount(x.output)}</td>
                  <td className="py-1 pr-2 text-right">{formatCount(x.deadLetters)}</td>
                  <td className="py-1 pr-2 text-right">{formatCount(x.lag)}</td>
                  <td className={`py-1 pl-2 font-sans ${TONE[v.state]}`}>
                    {t(TEXT[v.state], { n: formatCount(v.n), lost: formatCount(v.lost), dup: formatCount(v.duplicated) })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Tells the lessons when the check reports more lost or duplicated inputs than when it first showed (`inout:lost`, `inout:duplicated`). */
function useReportBreaks(now: Breaks | null) {
  const record = useRecord();
  const before = useRef<Breaks | null>(null);
  // Runs on every new tally; newlyBroken reports a break only the first time it shows.
  useEffect(() => {
    if (!now) return;
    for (const what of newlyBroken(before.current, now)) record(`inout:${what}`);
    before.current = now;
  }, [now, record]);
}
