import type { Settings } from "@/lib/contract/api";
import { useI18n } from "@/components/i18n/provider";
import { settingsCost } from "@/lib/pipeline/capacity";
import { joinSustainableRate } from "@/lib/pipeline/join-load";
import { formatCount } from "@/components/ui/format";

type CostSettings = Pick<Settings, "ratePerSecond" | "keys" | "joinWindowMs" | "watermarkDelayMs" | "loadTest">;

/**
 * What the settings being edited will cost before Apply: the join's pairs/s, its state (rows and
 * memory) and the records/s per core, with a warning past what one machine keeps up with; without the
 * load-test choice that is refused (the form disables Apply, as the API would answer 400).
 */
export function JoinLoadHint({ settings, cores }: { settings: CostSettings; cores: number }) {
  const { t } = useI18n();
  const cost = settingsCost(settings, cores);
  const high = cost.over.includes("pairs");
  const sustainable = joinSustainableRate(settings);
  const refused = cost.over.length > 0 && !settings.loadTest;
  return (
    <div className="grid gap-1 text-xs" data-testid="join-load" data-high={high} data-over={cost.over.join(",")}>
      <p className={high ? "text-warn" : "text-muted"}>
        {t("settings.joinLoad", { pairs: formatCount(Math.round(cost.pairsPerSec)) })}
        {high && <> {t("settings.joinLoadHigh")}</>}
        {high && sustainable !== null && <> {t("settings.joinRate", { rate: formatCount(Math.floor(sustainable * 10) / 10) })}</>}
      </p>
      <p className={cost.over.includes("state") ? "text-warn" : "text-muted"} data-testid="settings-cost">
        {t("settings.cost", {
          rows: formatCount(Math.round(cost.stateRows)),
          mb: formatCount(Math.ceil(cost.stateBytes / 1024 / 1024)),
          perCore: formatCount(Math.round(cost.recordsPerSecPerCore)),
          cores,
        })}
        {cost.over.includes("state") && <> {t("settings.stateHigh")}</>}
      </p>
      {refused && (
        <p className="text-err" data-testid="capacity-error">
          {t("settings.overCapacity")}
        </p>
      )}
    </div>
  );
}

/** Whether these settings are past one machine without the load-test choice (Apply is refused). */
export const overCapacity = (s: CostSettings, cores: number) => !s.loadTest && settingsCost(s, cores).over.length > 0;
