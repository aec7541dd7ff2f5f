import { DELIVERY_MODES, type DeliveryMode } from "@/lib/contract/api";
import { usePipelineAction } from "@/components/pipeline/usePipelineAction";
import { useI18n } from "@/components/i18n/provider";
import { setDeliveryMode } from "./api";
import { Icon } from "@/components/ui/Icon";

/** The delivery experiment: run the transform at most once, at least once, or exactly once (restarting it). */
export function DeliveryModePicker({ mode }: { mode: DeliveryMode }) {
  const { t } = useI18n();
  const { run, busy, error } = usePipelineAction();
  const choose = (next: DeliveryMode) => run(`delivery:${next}`, () => setDeliveryMode(next));
  return (
    <div className="grid gap-2 rounded-lg bg-surface-2 p-3" data-testid="delivery-mode" data-mode={mode}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="eyebrow">{t("exp.delivery.title")}</span>
        {DELIVERY_MODES.map((m) => (
          <button
            key={m}
            type="button"
            className={`btn btn-sm ${m === mode ? "!border-accent !text-accent" : ""}`}
            aria-pressed={m === mode}
            disabled={busy}
            data-testid={`delivery-${m}`}
            onClick={() => m !== mode && void choose(m)}
          >
            {t(`exp.delivery.${m}`)}
          </button>
        ))}
        {mode !== "exactly-once" && (
          <button
            type="button"
            className="btn btn-sm !border-ok/60 !text-ok"
            disabled={busy}
            data-testid="delivery-back"
            onClick={() => void choose("exactly-once")}
          >
            <Icon name="back" />
            {t("exp.delivery.back")}
          </button>
        )}
      </div>
      <p className={`text-xs ${mode === "exactly-once" ? "text-muted" : "text-warn"}`}>{t(`exp.delivery.hint.${mode}`)}</p>
      <p className="text-xs text-muted">{t("exp.delivery.restarts")}</p>
      {error && <p className="text-sm text-err">{error}</p>}
    </div>
  );
}
