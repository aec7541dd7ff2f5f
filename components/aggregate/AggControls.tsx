"use client";

import { useState, type FormEvent } from "react";
import { useRecord } from "@/components/live/LessonProvider";
import { usePipeline } from "@/components/live/PipelineProvider";
import { saveSettings } from "@/components/pipeline/api";
import { READ_AT_START, workersToRestart } from "@/lib/contract/api";
import { AGG_SETTING_NAMES, describeError, OUTPUT_MODES, type FieldError } from "@/components/settings/fields";
import { useSettingsDraft } from "@/components/settings/useSettingsDraft";
import { useI18n } from "@/components/i18n/provider";
import { NumberField } from "@/components/settings/NumberField";
import { SETTING_DEFS } from "@/lib/contract/settings";

type State = { kind: "idle" | "saving" | "saved" | "restarted" } | { kind: "error"; error: string };

/** Window size, slide, watermark delay and output mode; applying restarts a running aggregation. */
export function AggControls() {
  const pipeline = usePipeline();
  const record = useRecord();
  const { t } = useI18n();
  const draft = useSettingsDraft(AGG_SETTING_NAMES);
  const [state, setState] = useState<State>({ kind: "idle" });

  if (!draft) return <section className="card p-4 text-sm text-muted">{t("common.loading")}</section>;
  const { values, mode, errors, ok, patch } = draft;
  const describe = (e: FieldError) => describeError(t, e);
  const status = pipeline?.components.find((c) => c.name === "aggregate")?.status;
  const restarts = status !== undefined && status !== "stopped" && workersToRestart(draft.settings, { ...draft.settings, ...patch }).includes("aggregate");
  const overlap = Math.ceil(Number(values.aggWindowMs) / Number(values.aggSlideMs));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ok || Object.keys(patch).length === 0) return;
    setState({ kind: "saving" });
    try {
      // The server restarts a running aggregation itself: it reads these settings only at start.
      const answer = await saveSettings(patch);
      for (const name of Object.keys(patch)) record(`settings:${name}`);
      const restart = answer.restartNeeded.some((r) => r.components.includes("aggregate"));
      if (restart) record("restart:aggregate");
      draft.saved();
      setState({ kind: restart ? "restarted" : "saved" });
    } catch (err) {
      setState({ kind: "error", error: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <form className="card grid content-start gap-3 p-4" onSubmit={submit} data-testid="agg-controls" noValidate>
      <h2 className="text-base font-semibold">{t("agg.controls")}</h2>
      <div className="grid grid-cols-1 items-end gap-3 sm:grid-cols-3">
        {AGG_SETTING_NAMES.map((name) => (
          <NumberField
            key={name}
            name={name}
            label={t(SETTING_DEFS[name].label)}
            value={values[name]}
            error={errors[name] ? describe(errors[name]) : null}
            testid={`agg-${name}`}
            errorTestid={`agg-error-${name}`}
            onChange={(value) => {
              setState({ kind: "idle" });
              draft.setValue(name, value);
            }}
          />
        ))}
      </div>
      {!errors.aggSlideMs && Number.isFinite(overlap) && overlap >= 1 && (
        <p className="text-xs text-muted">{overlap <= 1 ? t("agg.tumbling") : t("agg.sliding", { n: overlap })}</p>
      )}
      <p className="text-xs text-muted" data-testid="agg-late-rule">
        {t("agg.lateRule")} {t("agg.idleRule")}
      </p>
      <fieldset className="grid gap-1.5 text-sm" data-testid="agg-mode">
        <legend className="mb-1 text-muted">{t("agg.mode")}</legend>
        {OUTPUT_MODES.map((m) => (
          <label key={m} className="flex items-start gap-2">
            <input
              type="radio"
              name="aggOutputMode"
              value={m}
              checked={mode === m}
              data-testid={`agg-mode-${m}`}
              onChange={() => {
                setState({ kind: "idle" });
                draft.chooseMode(m);
              }}
            />
            <span>
              <span className="font-mono font-medium">{t(`agg.mode.${m}`)}</span>
              <span className="block text-xs text-muted">{t(`agg.modeHelp.${m}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn btn-primary" disabled={!ok || state.kind === "saving" || Object.keys(patch).length === 0} data-testid="agg-apply">
          {state.kind === "saving" ? (restarts ? t("settings.restarting", { components: "aggregate" }) : t("agg.applying")) : t("agg.apply")}
        </button>
        {restarts && state.kind !== "saving" && (
          <span className="text-xs text-warn" data-testid="agg-apply-restarts">
            {t("settings.applyRestarts", { components: "aggregate", settings: READ_AT_START.aggregate.filter((k) => k in patch).join(", ") })}
          </span>
        )}
        {state.kind === "saved" && (
          <span className="text-xs text-ok" data-testid="agg-applied">
            {t("agg.applied")}
          </span>
        )}
        {state.kind === "restarted" && (
          <span className="text-xs text-ok" data-testid="agg-applied">
            {t("agg.appliedRestarted")}
          </span>
        )}
        {state.kind === "error" && (
          <span className="text-xs text-err" data-testid="agg-apply-error">
            {t("agg.error", { error: state.error })}
          </span>
        )}
      </div>
    </form>
  );
}
