"use client";

import { Fragment, useEffect, useState, type FormEvent } from "react";
import { useLive, useRecord } from "@/components/live/LiveProvider";
import { saveSettings } from "@/components/pipeline/api";
import { useI18n } from "@/lib/i18n/provider";
import type { SettingsPatch } from "@/lib/contract/api";
import { JoinLoadHint } from "./JoinLoadHint";
import { NumberField } from "./NumberField";
import { describeError, OUTPUT_MODES, SETTING_NAMES, toFormValues, validateForm, type AggOutputMode, type FieldError, type FormValues } from "./fields";

export function SettingsForm() {
  const { pipeline } = useLive();
  const record = useRecord();
  const { t } = useI18n();
  const [values, setValues] = useState<FormValues | null>(null);
  const [mode, setMode] = useState<AggOutputMode>("update");
  const [dirty, setDirty] = useState(false);
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; error: string }>({ kind: "idle" });
  const [notes, setNotes] = useState<string[]>([]);
  const settings = pipeline?.settings;

  useEffect(() => {
    if (settings && !dirty) {
      setValues(toFormValues(settings));
      setMode(settings.aggOutputMode);
    }
  }, [settings, dirty]);

  if (!settings || !values) return <section className="card p-4 text-sm text-muted">{t("common.loading")}</section>;
  const { errors, patch: numbers, ok } = validateForm(values, settings);
  const describe = (e: FieldError) => describeError(t, e);
  const patch: SettingsPatch = mode !== settings.aggOutputMode ? { ...numbers, aggOutputMode: mode } : numbers;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ok) return;
    setState({ kind: "saving" });
    try {
      const answer = await saveSettings(patch);
      setNotes(answer.restartNeeded.map((r) => t("settings.restartNeeded", { components: r.components.join(", "), note: r.note })));
      setDirty(false);
      setState({ kind: "saved" });
      for (const name of Object.keys(patch)) record(`settings:${name}`);
    } catch (err) {
      setState({ kind: "error", error: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <form className="card p-4" onSubmit={submit} data-testid="settings-form" noValidate>
      <h2 className="mb-3 text-base font-semibold">{t("settings.title")}</h2>
      <div className="grid grid-cols-1 gap-3">
        {SETTING_NAMES.map((name) => (
          <Fragment key={name}>
            <NumberField
              name={name}
              label={t(`settings.${name}`)}
              value={values[name]}
              error={errors[name] ? describe(errors[name]) : null}
              testid={`setting-${name}`}
              errorTestid={`setting-error-${name}`}
              onChange={(value) => {
                setDirty(true);
                setState({ kind: "idle" });
                setValues({ ...values, [name]: value });
              }}
            />
            {name === "watermarkDelayMs" && <JoinLoadHint settings={{ ...settings, ...numbers }} />}
          </Fragment>
        ))}
        <label className="block text-sm">
          <span className="mb-1 block text-muted">{t("settings.aggOutputMode")}</span>
          <select
            className="field font-mono"
            name="aggOutputMode"
            data-testid="setting-aggOutputMode"
            value={mode}
            onChange={(e) => {
              setDirty(true);
              setState({ kind: "idle" });
              setMode(e.target.value as AggOutputMode);
            }}
          >
            {OUTPUT_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`agg.mode.${m}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="mt-4 flex items-center gap-3">
        <button type="submit" className="btn btn-primary" disabled={!ok || state.kind === "saving" || Object.keys(patch).length === 0} data-testid="settings-apply">
          {state.kind === "saving" ? t("settings.applying") : t("settings.apply")}
        </button>
        {state.kind === "saved" && <span className="text-xs text-ok" data-testid="settings-saved">{t("settings.saved")}</span>}
        {state.kind === "error" && <span className="text-xs text-err">{t("settings.error", { error: state.error })}</span>}
      </div>
      {notes.map((n) => (
        <p key={n} className="mt-2 text-xs text-warn">{n}</p>
      ))}
    </form>
  );
}
