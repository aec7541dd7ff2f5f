import type { Settings } from "@/lib/contract/api";
import { useI18n } from "@/components/i18n/provider";
import { disorderBands } from "@/lib/pipeline/producer-messages";

/** How old the disordered records are at the settings being edited, and which of them the join drops. */
export function DisorderHint({ settings }: { settings: Pick<Settings, "disorderPercent" | "watermarkDelayMs"> }) {
  const { t, duration } = useI18n();
  if (!(settings.disorderPercent > 0)) return null;
  const { onTime, late } = disorderBands(settings.watermarkDelayMs);
  return (
    <p className="text-xs text-muted" data-testid="disorder-hint">
      {t("settings.disorderHint", { onFrom: duration(onTime[0]), onTo: duration(onTime[1]), lateFrom: duration(late[0]), lateTo: duration(late[1]) })}
    </p>
  );
}
