import { useState } from "react";
import { brokerAction } from "@/components/pipeline/api";
import { useI18n } from "@/components/i18n/provider";

/** Stop or start the embedded broker: the broker-restart experiment, one click each way. */
export function BrokerControl({ up }: { up: boolean }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: "stop" | "start") => {
    setBusy(true);
    setError(null);
    try {
      await brokerAction(action);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mt-3 border-t border-line pt-3">
      <p className="mb-2 text-xs text-muted">{t("broker.controlHint")}</p>
      <button type="button" className="btn" disabled={busy} onClick={() => void act(up ? "stop" : "start")} data-testid={up ? "broker-stop" : "broker-start"}>
        {up ? t("broker.stop") : t("broker.start")}
      </button>
      {error && <p className="mt-2 text-xs text-err">{error}</p>}
    </div>
  );
}
