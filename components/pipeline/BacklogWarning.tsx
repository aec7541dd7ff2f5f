"use client";

import { useState } from "react";
import { formatCount } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { saveSettings } from "./api";
import { useBacklog } from "./useBacklog";

/** A warning naming each worker whose backlog keeps growing, with a button that lowers the rate to what it sustains. */
export function BacklogWarning() {
  const growing = useBacklog();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (growing.length === 0) return null;
  const lower = async (rate: number) => {
    setBusy(true);
    setError(null);
    try {
      await saveSettings({ ratePerSecond: rate });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card mb-5 grid gap-3 p-4" role="alert" data-testid="backlog-warning">
      {growing.map((g) => (
        <div key={g.name} data-worker={g.name}>
          <h2 className="text-sm font-semibold text-warn">{t("backlog.title", { worker: g.name })}</h2>
          <p className="mt-1 text-sm text-muted">
            {g.secondsBehind === null
              ? t("backlog.bodyStalled", { lag: formatCount(g.lag) })
              : t("backlog.body", { lag: formatCount(g.lag), seconds: formatCount(Math.round(g.secondsBehind)) })}
          </p>
          <button type="button" className="btn mt-2" disabled={busy} onClick={() => void lower(g.rate)} data-testid="backlog-lower">
            {busy ? t("backlog.lowering") : t("backlog.lower", { rate: formatCount(g.rate) })}
          </button>
        </div>
      ))}
      {error && <p className="text-xs text-err">{t("settings.error", { error })}</p>}
    </section>
  );
}
