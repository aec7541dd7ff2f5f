"use client";

import { usePipeline } from "@/components/live/PipelineProvider";
import { READ_AT_START, workersToRestart } from "@/lib/contract/api";
import { AGG_SETTING_NAMES, OUTPUT_MODES } from "@/components/settings/fields";
import { useSettingsDraft } from "@/components/settings/useSettingsDraft";
import { useI18n } from "@/components/i18n/provider";
import { ApplyButton, SettingsFields } from "@/components/settings/SettingsFields";
import { useApplySettings } from "@/components/settings/useApplySettings";

/** Window size, slide, watermark delay and output mode; applying restarts a running aggregation. */
export function AggControls() {
  const pipeline = usePipeline();
  const { t } = useI18n();
  const draft = useSettingsDraft(AGG_SETTING_NAMES);
  const apply = useApplySettings(draft);
  const { state, edited } = apply;

  if (!draft) return <section className="card p-4 text-sm text-muted">{t("common.loading")}</section>;
  const { values, mode, errors, patch } = draft;
  const status = pipeline?.components.find((c) => c.name === "aggregate")?.status;
  const restarts = status !== undefined && status !== "stopped" && workersToRestart(draft.settings, { ...draft.settings, ...patch }).includes("aggregate");
  const overlap = Math.ceil(Number(values.aggWindowMs) / Number(values.aggSlideMs));

  const restarted = state.kind === "saved" && state.answer.restartNeeded.some((r) => r.components.includes("aggregate"));

  return (
    <form className="card grid content-start gap-3 p-4" onSubmit={apply.submit} data-testid="agg-controls" noValidate>
      <h2 className="text-base font-semibold">{t("agg.controls")}</h2>
      <SettingsFields draft={draft} names={AGG_SETTING_NAMES} testid="agg" className="grid grid-cols-1 items-end gap-3 sm:grid-cols-3" onEdit={edited} />
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
                edited();
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
        <ApplyButton
          ready={apply.ready}
          saving={state.kind === "saving"}
          testid="agg-apply"
          label={t("agg.apply")}
          busyLabel={restarts ? t("settings.restarting", { components: "aggregate" }) : t("agg.applying")}
        />
        {restarts && state.kind !== "saving" && (
          <span className="text-xs text-warn" data-testid="agg-apply-restarts">
            {t("settings.applyRestarts", { components: "aggregate", settings: READ_AT_START.aggregate.filter((k) => k in patch).join(", ") })}
          </span>
        )}
        {state.kind === "saved" && (
          <span className="text-xs text-ok" data-testid="agg-applied">
            {restarted ? t("agg.appliedRestarted") : t("agg.applied")}
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
