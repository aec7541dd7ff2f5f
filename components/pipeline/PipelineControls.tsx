import { useI18n } from "@/components/i18n/provider";
import { startAll, stopAll } from "./api";
import { usePipelineAction } from "./usePipelineAction";
import { Icon } from "@/components/ui/Icon";

export function PipelineControls() {
  const { t } = useI18n();
  const { run, busy, error } = usePipelineAction();
  return (
    <div className="flex items-center gap-2">
      {error && <span className="text-xs text-err">{error}</span>}
      <button type="button" className="btn btn-primary" data-testid="start-all" disabled={busy} onClick={() => run("start:all", startAll)}>
        <Icon name="play" />
        {t("pipeline.startAll")}
      </button>
      <button type="button" className="btn" data-testid="stop-all" disabled={busy} onClick={() => run("stop:all", stopAll)}>
        <Icon name="stop" />
        {t("pipeline.stopAll")}
      </button>
    </div>
  );
}
