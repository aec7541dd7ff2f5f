import type { JoinSideRecord } from "@/lib/contract/socket";
import { explainPair } from "@/lib/live/join-explain";
import { formatClock } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";

interface Props {
  c: JoinSideRecord | null;
  d: JoinSideRecord | null;
  windowMs: number;
  onClear: () => void;
}

/** Says in words why the picked C and D did or did not join. */
export function PairExplainer({ c, d, windowMs, onClear }: Props) {
  const { t, duration } = useI18n();
  const verdict = c && d ? explainPair(c, d, windowMs) : null;
  let text = t("join.explain.hint");
  if (c && !d) text = t("join.explain.pickD");
  if (verdict) {
    if (verdict.kind === "match") text = t("join.explain.match");
    else if (verdict.kind === "other_key") text = t("join.explain.other_key");
    else if (verdict.kind === "late_record") text = t("join.explain.late_record", { side: verdict.side });
    else text = t(`join.explain.${verdict.kind}`, { by: duration(verdict.byMs) });
  }
  return (
    <div className="card p-3" data-testid="pair-explainer" data-verdict={verdict?.kind ?? "none"}>
      <div className="mb-2 flex items-center justify-between">
        <h3 className="text-sm font-semibold">{t("join.explain.title")}</h3>
        {(c || d) && (
          <button type="button" className="btn btn-sm" onClick={onClear}>
            {t("join.clear")}
          </button>
        )}
      </div>
      <div className="grid gap-1 font-mono text-xs">
        {c && <Side r={c} label="C" color="var(--series-c)" extra={`[${formatClock(c.ts - windowMs)} … ${formatClock(c.ts + windowMs)}]`} />}
        {d && <Side r={d} label="D" color="var(--series-d)" />}
      </div>
      <p className={`mt-2 text-sm ${verdict?.kind === "match" ? "text-ok" : verdict ? "text-err" : "text-muted"}`} data-testid="pair-verdict">
        {text}
      </p>
    </div>
  );
}

function Side({ r, label, color, extra }: { r: JoinSideRecord; label: string; color: string; extra?: string }) {
  return (
    <div>
      <span className="mr-1 font-semibold" style={{ color }}>
        {label}
      </span>
      {r.key} · {label === "C" ? "c_val" : "d_val"}={r.val} · ts {formatClock(r.ts)} {extra && <span className="text-muted">{extra}</span>}
    </div>
  );
}
