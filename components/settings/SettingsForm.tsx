"use client";

import { usePipeline } from "@/components/live/PipelineProvider";
import { NORMAL_RATE_MAX, READ_AT_START, workersToRestart, type Settings } from "@/lib/contract/api";
import { formatCount } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { DisorderHint } from "./DisorderHint";
import { JoinLoadHint, overCapacity } from "./JoinLoadHint";
import { PresetPicker } from "./PresetPicker";
import { SETTING_DEFS } from "@/lib/contract/settings";
import { AcksSelect } from "./AcksSelect";
import { OUTPUT_MODES, SETTING_NAMES, type AggOutputMode } from "./fields";
import { ApplyButton, SettingsFields } from "./SettingsFields";
import { useApplySettings, type Answer } from "./useApplySettings";
import { useSettingsDraft } from "./useSettingsDraft";

export function SettingsForm() {
  const pipeline = usePipeline();
  const { t } = useI18n();
  const draft = useSettingsDraft();
  const apply = useApplySettings(draft);
  const { state, edited: touch } = apply;

  if (!draft) return <section className="card p-4 text-sm text-muted">{t("common.loading")}</section>;
  const { settings, mode, numbers } = draft;
  const edited: Settings = { ...settings, ...numbers, aggOutputMode: mode, loadTest: draft.loadTest, acks: draft.acks };
  const cores = pipeline?.cores ?? 2;
  const refused = overCapacity(edited, cores);
  // Workers that run and read a changed setting only at start: applying restarts them.
  // As the server decides: anything not stopped (a crashed worker is about to be restarted) restarts.
  const running = new Set(pipeline?.components.filter((c) => c.status !== "stopped").map((c) => c.name));
  const growing = (numbers.partitions ?? 0) > settings.partitions;
  const restarts = growing ? [] : workersToRestart(settings, edited).filter((w) => running.has(w));
  const changedOf = (w: (typeof restarts)[number]) => READ_AT_START[w].filter((k) => settings[k] !== edited[k]).join(", ");

  const notes = apply.last ? restartNotes(apply.last, t) : [];

  return (
    <form className="card p-4" onSubmit={apply.submit} data-testid="settings-form" noValidate>
      <h2 className="mb-3 text-base font-semibold">{t("settings.title")}</h2>
      <PresetPicker
        draft={edited}
        applied={settings}
        onFill={(preset) => {
          touch();
          draft.fill(preset);
        }}
      />
      <SettingsFields
        draft={draft}
        names={SETTING_NAMES}
        testid="setting"
        className="grid grid-cols-1 gap-3"
        onEdit={touch}
        after={(name) => (
          <>
            {name === "ratePerSecond" && (
              <label className="flex items-center gap-2 text-xs text-muted">
                <input
                  type="checkbox"
                  data-testid="setting-loadTest"
                  checked={draft.loadTest}
                  onChange={(e) => {
                    touch();
                    draft.chooseLoadTest(e.target.checked);
                  }}
                />
                {t(SETTING_DEFS.loadTest.label, { max: formatCount(NORMAL_RATE_MAX) })}
              </label>
            )}
            {name === "partitions" && growing && (
              <p className="text-xs text-warn" data-testid="partitions-restart">
                {t("settings.partitionsGrow")}
              </p>
            )}
            {name === "disorderPercent" && <DisorderHint settings={edited} />}
            {name === "disorderPercent" && (
              <div data-testid="setting-acks">
                <AcksSelect
                  value={draft.acks}
                  testid="setting-acks-select"
                  onChange={(a) => {
                    touch();
                    draft.chooseAcks(a);
                  }}
                />
              </div>
            )}
            {name === "watermarkDelayMs" && <JoinLoadHint settings={edited} cores={cores} />}
          </>
        )}
      >
        <label className="block text-sm">
          <span className="mb-1 block text-muted">{t(SETTING_DEFS.aggOutputMode.label)}</span>
          <select
            className="field font-mono"
            name="aggOutputMode"
            data-testid="setting-aggOutputMode"
            value={mode}
            onChange={(e) => {
              touch();
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
      </SettingsFields>
      {restarts.length > 0 && state.kind !== "saved" && (
        <div className="mt-3 grid gap-1" data-testid="apply-restarts" data-workers={restarts.join(",")}>
          {restarts.map((w) => (
            <p key={w} className="text-xs text-warn">
              {t("settings.applyRestarts", { components: w, settings: changedOf(w) })}
            </p>
          ))}
        </div>
      )}
      <div className="mt-4 flex items-center gap-3">
        <ApplyButton
          ready={apply.ready && !refused}
          saving={state.kind === "saving"}
          testid="settings-apply"
          label={t("settings.apply")}
          busyLabel={restarts.length ? t("settings.restarting", { components: restarts.join(", ") }) : t("settings.applying")}
        />
        {state.kind === "saved" && (
          <span className="text-xs text-ok" data-testid="settings-saved">
            {t("settings.saved")}
          </span>
        )}
        {state.kind === "error" && <span className="text-xs text-err">{t("settings.error", { error: state.error })}</span>}
      </div>
      {notes.map((n) => (
        <p key={n} className="mt-2 text-xs text-ok" data-testid="restart-note">
          {n}
        </p>
      ))}
    </form>
  );
}

type Translate = ReturnType<typeof useI18n>["t"];

/** What applying restarted, in the learner's language: one line per worker, and the partition growth. */
function restartNotes(answer: Answer, t: Translate): string[] {
  const byWorker = new Map<string, string[]>();
  const out: string[] = [];
  for (const r of answer.restartNeeded) {
    if (r.setting === "partitions") out.push(t("settings.restarted", { components: r.components.join(", "), note: r.note }));
    else for (const c of r.components) byWorker.set(c, [...(byWorker.get(c) ?? []), r.setting]);
  }
  return [...[...byWorker].map(([component, settings]) => t("settings.restartedWorker", { component, settings: settings.join(", ") })), ...out];
}
