"use client";

import type { CodeError } from "@/lib/contract/exercises";
import { useI18n } from "@/components/i18n/provider";
import { DiffTable } from "./DiffTable";
import type { RunState } from "./useRun";

/** "Line 3, column 7: …" when the runtime knows where, else the message alone. */
export function ErrorText({ error }: { error: CodeError }) {
  const { t } = useI18n();
  if (error.line === undefined) return <>{error.message}</>;
  if (error.column === undefined) return <>{t("exui.errorAtLine", { line: error.line, error: error.message })}</>;
  return <>{t("exui.errorAt", { line: error.line, column: error.column, error: error.message })}</>;
}

/** Where the run is: sending, running (with the kills of a chaos run), pass, the first differences, or the error. */
export function VerdictPanel({ state }: { state: RunState }) {
  const { t } = useI18n();
  const v = state.kind === "verdict" ? state.verdict : null;
  const status = state.kind === "verdict" ? state.verdict.status : state.kind;
  return (
    <section className="card grid min-w-0 grid-cols-[minmax(0,1fr)] gap-2 p-4" aria-labelledby="verdict-title" data-testid="verdict" data-status={status}>
      <h2 id="verdict-title" className="text-base font-semibold">
        {t("exui.verdict")}
      </h2>
      <div aria-live="polite" className="grid min-w-0 gap-2 text-sm">
        {state.kind === "idle" && <p className="text-muted">{t("exui.idle")}</p>}
        {state.kind === "submitting" && <p className="text-muted">{t("exui.submitting")}</p>}
        {state.kind === "failed" && <p className="text-err">{t("exui.submitFailed", { error: state.error })}</p>}
        {v?.status === "running" && (
          <>
            <p>{t("exui.running")}</p>
            <progress className="h-2 w-full accent-[var(--accent)]" aria-label={t("exui.running")} />
            {v.chaos && <p className="text-muted">{t("exui.kills", { count: v.kills })}</p>}
          </>
        )}
        {v?.status === "pass" && (
          <p className="font-medium text-ok" data-testid="verdict-pass">
            {t(v.chaos ? "exui.passChaos" : "exui.pass", { count: v.counts.expected })}
          </p>
        )}
        {v?.status === "fail" && (
          <>
            <p className="font-medium text-err">{t("exui.fail", { matched: v.counts.matched, expected: v.counts.expected, actual: v.counts.actual })}</p>
            <DiffTable differences={v.differences ?? []} />
          </>
        )}
        {v?.status === "error" && <p className="font-medium text-err">{t("exui.error")}</p>}
      </div>
    </section>
  );
}
