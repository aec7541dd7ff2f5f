import type { Settings, SettingsPatch } from "@/lib/contract/api";
import { matchingPreset, PRESET_IDS, PRESETS, withPreset, type PresetId } from "@/lib/contract/presets";
import { useI18n } from "@/components/i18n/provider";
import { formatCount } from "@/components/ui/format";

/**
 * Named presets as buttons that type their settings into the form (the learner still presses Apply),
 * with a line saying what the preset the form now holds is about.
 */
export function PresetPicker({ draft, applied, onFill }: { draft: Settings; applied: Settings; onFill: (preset: SettingsPatch) => void }) {
  const { t, duration } = useI18n();
  const current = matchingPreset(draft);
  const note = (id: PresetId) => {
    const s = withPreset(draft, id);
    const params = {
      window: duration(s.joinWindowMs),
      delay: duration(s.watermarkDelayMs),
      evict: duration(s.joinWindowMs + s.watermarkDelayMs),
      disorder: s.disorderPercent,
      rate: formatCount(s.ratePerSecond),
      keys: formatCount(s.keys),
    };
    return t(`settings.presetNote.${id}`, params);
  };
  return (
    <div className="mb-3 grid gap-2" data-testid="settings-presets">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted">{t("settings.presets")}</span>
        {PRESET_IDS.map((id) => (
          <button
            key={id}
            type="button"
            className={`btn btn-sm ${id === current ? "btn-primary" : ""}`}
            data-testid={`preset-${id}`}
            aria-pressed={id === current}
            onClick={() => onFill(PRESETS[id])}
          >
            {t(`settings.preset.${id}`)}
          </button>
        ))}
      </div>
      {current && (
        <p className="text-xs text-muted" data-testid="preset-note" data-preset={current}>
          {note(current)}
          {matchingPreset(applied) !== current && <> {t("settings.presetFilled")}</>}
        </p>
      )}
    </div>
  );
}
