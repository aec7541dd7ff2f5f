import { useEffect, useRef } from "react";
import { STRATEGIES } from "@/lib/contract/records";
import { breaksOf, newlyBroken, type Breaks } from "@/lib/live/inout";
import { useRecord } from "@/components/live/LessonProvider";
import { formatCount } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { useInOutVerdicts } from "./useInOut";
import { DataTable, type Column } from "@/components/ui/DataTable";

const TONE = { equal: "text-ok", waiting: "text-muted", duplicates: "text-err", missing: "text-err", both: "text-err" } as const;
const TEXT = {
  equal: "exp.inout.equal",
  waiting: "exp.inout.pending",
  duplicates: "exp.inout.duplicates",
  missing: "exp.inout.missing",
  both: "exp.inout.both",
} as const;

type Verdicts = NonNullable<ReturnType<typeof useInOutVerdicts>>;
type Row = Verdicts["stats"]["strategies"][number] & { v: NonNullable<Verdicts["verdicts"][string]> };
type Translate = ReturnType<typeof useI18n>["t"];

/** One row per strategy that has both a tally and a verdict, in the strategies' order. */
function rowsOf(stats: Verdicts["stats"], verdicts: Verdicts["verdicts"]): Row[] {
  return STRATEGIES.flatMap((s) => {
    const x = stats.strategies.find((r) => r.strategy === s);
    const v = verdicts[s];
    return x && v ? [{ ...x, v }] : [];
  });
}

const columns = (t: Translate): Column<Row>[] => [
  { id: "strategy", header: t("exp.inout.strategy"), hideHeader: true, rowHeader: true, cell: (r) => r.strategy, className: "font-sans font-medium" },
  { id: "in", header: t("exp.inout.in"), align: "right", cell: (r) => formatCount(r.input) },
  { id: "out", header: t("exp.inout.out"), align: "right", cell: (r) => formatCount(r.output) },
  { id: "dead", header: t("exp.inout.dead"), align: "right", cell: (r) => formatCount(r.deadLetters) },
  { id: "waiting", header: t("exp.inout.waiting"), align: "right", cell: (r) => formatCount(r.lag) },
  {
    id: "verdict",
    header: t("exp.inout.verdict"),
    cell: ({ v }) => t(TEXT[v.state], { n: formatCount(v.n), lost: formatCount(v.lost), dup: formatCount(v.duplicated) }),
    // Set apart from the right-aligned numbers before it.
    headClassName: "pl-2",
    className: ({ v }) => `pl-2 font-sans ${TONE[v.state]}`,
  },
];

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
        <DataTable
          columns={columns(t)}
          rows={rowsOf(stats, inout.verdicts)}
          rowKey={(r) => r.strategy}
          rowData={(r) => ({
            "data-testid": `inout-${r.strategy}`,
            "data-state": r.v.state,
            "data-n": r.v.n,
            "data-in": r.input,
            "data-out": r.output,
            "data-lost": r.v.lost,
            "data-duplicated": r.v.duplicated,
          })}
        />
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
