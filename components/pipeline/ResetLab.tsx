"use client";

import { useState } from "react";
import { usePipelineActions } from "@/components/live/PipelineProvider";
import { useI18n } from "@/components/i18n/provider";
import { resetLab } from "./api";

type State = { kind: "idle" | "confirm" | "running" } | { kind: "done"; tookMs: number } | { kind: "error"; error: string };

/** Reset lab: stops everything, empties the topics and consumer groups, restores the defaults; asks first. */
export function ResetLab() {
  const { t, duration } = useI18n();
  const { applyPipeline } = usePipelineActions();
  const [state, setState] = useState<State>({ kind: "idle" });

  const reset = async () => {
    setState({ kind: "running" });
    try {
      const answer = await resetLab();
      applyPipeline(answer);
      setState({ kind: "done", tookMs: answer.tookMs });
    } catch (err) {
      setState({ kind: "error", error: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <section className="card grid gap-2 p-4" data-testid="reset-lab">
      {state.kind === "confirm" || state.kind === "running" ? (
        <div role="alertdialog" aria-labelledby="reset-title" className="grid gap-2" data-testid="reset-dialog">
          <h2 id="reset-title" className="text-base font-semibold">
            {t("reset.title")}
          </h2>
          <p className="text-sm text-muted">{t("reset.body")}</p>
          <div className="flex gap-2">
            <button type="button" className="btn btn-primary" onClick={reset} disabled={state.kind === "running"} data-testid="reset-confirm">
              {state.kind === "running" ? t("reset.running") : t("reset.confirm")}
            </button>
            <button type="button" className="btn" onClick={() => setState({ kind: "idle" })} disabled={state.kind === "running"} data-testid="reset-cancel">
              {t("reset.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn justify-self-start" onClick={() => setState({ kind: "confirm" })} data-testid="reset-open">
          {t("reset.button")}
        </button>
      )}
      {state.kind === "done" && (
        <p className="text-xs text-ok" data-testid="reset-done">
          {t("reset.done", { time: duration(state.tookMs) })}
        </p>
      )}
      {state.kind === "error" && <p className="text-xs text-err">{t("reset.error", { error: state.error })}</p>}
    </section>
  );
}
