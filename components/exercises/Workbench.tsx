"use client";

import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { MessageKey } from "@/lib/i18n";
import { forgetCode, loadCode, markPassed, saveCode } from "@/lib/exercises/learner-storage";
import { useI18n } from "@/components/i18n/provider";
import { Icon } from "@/components/ui/Icon";
import { CodeEditor } from "./CodeEditor";
import { ConfirmButton } from "./ConfirmButton";
import { OUTPUT_CHARTS } from "./output-charts";
import { ErrorText, VerdictPanel } from "./VerdictPanel";
import { useRun } from "./useRun";

const noSubscription = () => () => {};

interface Props {
  exerciseId: string;
  titleKey: MessageKey;
  starter: string;
}

/** The editor with the learner's code (kept in this browser), Run with or without chaos, and the verdict. */
export function Workbench({ exerciseId, titleKey, starter }: Props) {
  const { t } = useI18n();
  // The saved code is read once hydrated (localStorage exists only in the browser); the editor waits for it.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [edited, setCode] = useState<string | null>(null);
  const code = edited ?? (hydrated ? loadCode(localStorage, exerciseId, starter) : null);
  const [generation, setGeneration] = useState(0);
  const [chaos, setChaos] = useState(false);
  const { state, run } = useRun(exerciseId);
  const edit = useCallback(
    (next: string) => {
      setCode(next);
      saveCode(localStorage, exerciseId, next, starter);
    },
    [exerciseId, starter],
  );
  const verdict = state.kind === "verdict" ? state.verdict : null;
  // Reset puts the starter back: the last run's error no longer belongs to the text in the editor.
  const [resetAfter, setResetAfter] = useState<typeof verdict>(null);
  const reset = () => {
    setResetAfter(verdict);
    forgetCode(localStorage, exerciseId);
    setCode(starter);
    setGeneration((g) => g + 1);
  };
  useEffect(() => {
    if (verdict?.status === "pass") markPassed(localStorage, exerciseId);
  }, [verdict?.status, exerciseId]);
  const busy = state.kind === "submitting" || verdict?.status === "running";
  const error = verdict?.status === "error" && verdict !== resetAfter ? (verdict.error ?? null) : null;
  const Output = OUTPUT_CHARTS[exerciseId];

  return (
    <div className="grid min-w-0 gap-4">
      <section className="card grid min-w-0 grid-cols-[minmax(0,1fr)] gap-3 p-4" aria-labelledby="editor-title">
        <h2 id="editor-title" className="text-base font-semibold">
          {t("exui.editor")}
        </h2>
        <p id="editor-help" className="text-xs text-muted">
          {t("exui.editorHelp")}
        </p>
        {code === null ? (
          <div className="min-h-64 rounded-lg border border-line bg-surface-2" aria-hidden />
        ) : (
          <CodeEditor
            key={generation}
            initial={code}
            onChange={edit}
            label={t("exui.editorLabel", { title: t(titleKey) })}
            describedBy="editor-help"
            error={error}
          />
        )}
        {error && (
          <p role="alert" className="whitespace-pre-wrap break-words font-mono text-xs text-err" data-testid="editor-error" data-line={error.line}>
            <ErrorText error={error} />
          </p>
        )}
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" checked={chaos} onChange={(e) => setChaos(e.target.checked)} data-testid="chaos-checkbox" />
          <span>{t("exui.chaos")}</span>
        </label>
        <div className="flex flex-wrap items-start gap-2">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || code === null}
            onClick={() => code !== null && run(code, chaos)}
            data-testid="run"
          >
            <Icon name="play" />
            {t("exui.run")}
          </button>
          <ConfirmButton
            label={
              <>
                <Icon name="back" />
                {t("exui.reset")}
              </>
            }
            question={t("exui.resetConfirm")}
            confirmLabel={t("exui.reset")}
            onConfirm={reset}
            disabled={busy}
            testid="reset-code"
          />
        </div>
      </section>
      <VerdictPanel state={state} />
      {Output && (
        <section className="card grid min-w-0 grid-cols-[minmax(0,1fr)] gap-2 p-4" aria-labelledby="output-title" data-testid="exercise-output">
          <h2 id="output-title" className="text-base font-semibold">
            {t("exui.output")}
          </h2>
          <Output verdict={verdict} />
        </section>
      )}
    </div>
  );
}
