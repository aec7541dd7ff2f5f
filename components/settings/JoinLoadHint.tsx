import type { Settings } from "@/lib/contract/api";
import { useI18n } from "@/lib/i18n/provider";
import { JOIN_PAIRS_COMFORT_PER_SEC, expectedJoinPairsPerSec, joinSustainableRate } from "@/lib/pipeline/join-load";
import { formatCount } from "@/components/ui/format";

/** What the join must write at the settings being edited, and a warning when that is more than it can. */
export function JoinLoadHint({ settings }: { settings: Pick<Settings, "ratePerSecond" | "keys" | "joinWindowMs"> }) {
  const { t } = useI18n();
  const pairs = expectedJoinPairsPerSec(settings);
  const high = pairs > JOIN_PAIRS_COMFORT_PER_SEC;
  const sustainable = joinSustainableRate(settings);
  return (
    <p className={`text-xs ${high ? "text-warn" : "text-muted"}`} data-testid="join-load" data-high={high}>
      {t("settings.joinLoad", { pairs: formatCount(Math.round(pairs)) })}
      {high && <> {t("settings.joinLoadHigh")}</>}
      {high && sustainable !== null && <> {t("settings.joinRate", { rate: formatCount(Math.floor(sustainable * 10) / 10) })}</>}
    </p>
  );
}
