"use client";

import { Fragment, useState, type FormEvent } from "react";
import { useLive, useRecord } from "@/components/live/LiveProvider";
import { saveSettings } from "@/components/pipeline/api";
import { NORMAL_RATE_MAX, type ComponentName } from "@/lib/contract/api";
import { formatCount } from "@/components/ui/format";
import { useI18n } from "@/lib/i18n/provider";
import { DisorderHint } from "./DisorderHint";
import { JoinLoadHint } from "./JoinLoadHint";
import { NumberField } from "./NumberField";
import { PresetPicker } from "./PresetPicker";
import { describeError, OUTPUT_MODES, SETTING_NAMES, type AggOutputMode, type FieldError } from "./fields";
import { useSettingsDraft } from "./useSettingsDraft";

/** What applying said, and for a "restart needed" note the pid each component named had then. */
interface Note {
  text: string;
  pids: [ComponentName, number | null][];
}

export function SettingsForm() {
  const record = useRecord();
  const { t } = useI18n();
  const draft = useSettingsDraft();
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; error: string }>({ kind: "idle" });
  const { pipeline } = useLive();
  const [notes, setNotes] = useState<Note[]>([]);
  const pidOf = (name: ComponentName) => pipeline?.components.find((c) => c.name === name)?.pid ?? null;
  // A "restart needed" note goes once every component it names runs as a new process (the learner restarted it).
  const restarted = (n: Note) => n.pids.length > 0 && n.pids.every(([name, before]) => {
    const c = pipeline?.components.find((x) => x.name === name);
    return c?.status === "running" && c.pid !== null && c.pid !== before;
  });

  if (!draft) return <section className="card p-4 text-sm text-muted">{t("common.loading")}</section>;
  const { settings, values, mode, errors, ok, numbers, patch } = draft;
  const describe = (e: FieldError) => describeError(t, e);
  const edited = { ...settings, ...numbers, aggOutputMode: mode };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ok) return;
    setState({ kind: "saving" });
    try {
      const answer = await saveSettings(patch);
      setNotes(
        answer.restartNeeded.map((r) => ({
          text: t(r.setting === "partitions" ? "settings.restarted" : "settings.restartNeeded", { components: r.components.join(", "), note: r.note }),
          pids: r.setting === "partitions" ? [] : r.components.map((c): [ComponentName, number | null] => [c, pidOf(c)]),
        })),
      );
      draft.saved();
      setState({ kind: "saved" });
      for (const name of Object.keys(patch)) record(`settings:${name}`);
    } catch (err) {
      setState({ kind: "error", error: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <form className="card p-4" onSubmit={submit} data-testid="settings-form" noValidate>
      <h2 className="mb-3 text-base font-semibold">{t("settings.title")}</h2>
      <PresetPicker
        draft={edited}
        applied={settings}
        onFill={(preset) => {
          setState({ kind: "idle" });
          draft.fill(preset);
        }}
      />
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
                setState({ kind: "idle" });
                draft.setValue(name, value);
              }}
            />
            {name === "ratePerSecond" && (
              <label className="flex items-center gap-2 text-xs text-muted">
                <input
                  type="checkbox"
                  data-testid="setting-loadTest"
                  checked={draft.loadTest}
                  onChange={(e) => {
                    setState({ kind: "idle" });
                    draft.chooseLoadTest(e.target.checked);
                  }}
                />
                {t("settings.loadTest", { max: formatCount(NORMAL_RATE_MAX) })}
              </label>
            )}
            {name === "partitions" && (numbers.partitions ?? 0) > settings.partitions && (
              <p className="text-xs text-warn" data-testid="partitions-restart">{t("settings.partitionsGrow")}</p>
            )}
                        {name === "disorderPercent" && <DisorderHint settings={edited} />}
            {name === "watermarkDelayMs" && <JoinLoadHint settings={edited} />}
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
              setState({ kind: "idle" });
              draft.chooseMode(e.target.value as AggOutputMode);
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
      {notes.filter((n) => !restarted(n)).map((n) => (
        <p key={n.text} className="mt-2 text-xs text-warn" data-testid="settings-note">{n.text}</p>
      ))}
    </form>
  );
}
