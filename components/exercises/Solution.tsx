"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/provider";
import { fetchSolution } from "./api";
import { ConfirmButton } from "./ConfirmButton";

type State = { kind: "hidden" | "loading" } | { kind: "shown"; code: string } | { kind: "error"; error: string };

/** The hidden reference solution, fetched from the reveal route only after the learner confirms. */
export function Solution({ exerciseId }: { exerciseId: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: "hidden" });
  const reveal = async () => {
    setState({ kind: "loading" });
    try {
      setState({ kind: "shown", code: (await fetchSolution(exerciseId)).code });
    } catch (err) {
      setState({ kind: "error", error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <section className="card grid min-w-0 grid-cols-[minmax(0,1fr)] gap-2 p-4" aria-labelledby="solution-title" data-testid="solution">
      <h2 id="solution-title" className="text-base font-semibold">
        {t("exui.solution")}
      </h2>
      {state.kind === "shown" ? (
        <pre
          className="max-h-96 overflow-auto rounded-lg bg-surface-2 p-3 font-mono text-xs"
          tabIndex={0}
          aria-label={t("exui.solution")}
          data-testid="solution-code"
        >
          {state.code}
        </pre>
      ) : (
        <ConfirmButton
          label={t("exui.showSolution")}
          question={t("exui.solutionConfirm")}
          confirmLabel={t("exui.showSolution")}
          onConfirm={reveal}
          disabled={state.kind === "loading"}
          testid="show-solution"
        />
      )}
      {state.kind === "error" && <p className="text-xs text-err">{t("exui.solutionFailed", { error: state.error })}</p>}
    </section>
  );
}
