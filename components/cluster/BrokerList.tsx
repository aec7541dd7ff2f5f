"use client";

import { useState } from "react";
import type { BrokerActionAnswer, ClusterView } from "@/lib/contract/cluster";
import { useRecord } from "@/components/live/LessonProvider";
import { useI18n } from "@/components/i18n/provider";
import { Icon } from "@/components/ui/Icon";
import { brokerNodeAction } from "./api";

type Action = BrokerActionAnswer["action"];

/**
 * One card per broker: up or down, the active controller, and the buttons that break it. Each action
 * is noted for the lessons with the leaders it had when the learner pressed it (`cluster-kill:2`).
 */
export function BrokerList({ view }: { view: ClusterView }) {
  const { t } = useI18n();
  const record = useRecord();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (id: number, action: Action) => {
    setBusy(id);
    setError(null);
    try {
      const led = view.topics.some((t) => t.partitions.some((p) => p.leader === id));
      await brokerNodeAction(id, action);
      record(`cluster-${action}:${id}`);
      // The leader-election lesson needs a broker that led something when it went down.
      if (action !== "start" && led) record(`cluster-leader-down:${id}`);
    } catch (err) {
      setError(t("cluster.actionError", { id, error: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="cluster-brokers" className="grid gap-2">
      <h2 id="cluster-brokers" className="text-base font-semibold">
        {t("cluster.brokers")}
      </h2>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        {view.brokers.map((b) => (
          <li key={b.id} className="card grid gap-2 p-3" data-testid={`cluster-broker-${b.id}`} data-up={b.up} data-controller={b.controller}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{t("cluster.broker", { id: b.id })}</span>
              <span
                className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-[11px] font-medium ${b.up ? "bg-ok/15 text-ok" : "bg-err/15 text-err"}`}
                data-testid={`cluster-broker-state-${b.id}`}
              >
                <Icon name={b.up ? "ok" : "offline"} size={12} />
                {b.up ? t("cluster.up") : b.listed ? t("cluster.unfenced") : t("cluster.down")}
              </span>
              {b.controller && (
                <span className="inline-flex items-center gap-1 rounded-full bg-accent/15 px-2 py-0.5 text-[11px] font-medium text-accent">
                  <Icon name="controller" size={12} />
                  {t("cluster.controller")}
                </span>
              )}
            </div>
            <div className="font-mono text-xs text-muted">{b.address ?? "—"}</div>
            {view.controllable && (
              <div className="flex flex-wrap gap-2">
                {b.up ? (
                  <>
                    <button
                      type="button"
                      className="btn"
                      disabled={busy !== null}
                      title={t("cluster.killHint")}
                      onClick={() => void act(b.id, "kill")}
                      data-testid={`cluster-kill-${b.id}`}
                    >
                      <Icon name="kill" />
                      {t("cluster.kill")}
                    </button>
                    <button
                      type="button"
                      className="btn"
                      disabled={busy !== null}
                      title={t("cluster.stopHint")}
                      onClick={() => void act(b.id, "stop")}
                      data-testid={`cluster-stop-${b.id}`}
                    >
                      <Icon name="stop" />
                      {t("cluster.stop")}
                    </button>
                  </>
                ) : (
                  <button type="button" className="btn" disabled={busy !== null} onClick={() => void act(b.id, "start")} data-testid={`cluster-start-${b.id}`}>
                    <Icon name="play" />
                    {t("cluster.start")}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {view.controllable && <p className="text-xs text-muted">{t("cluster.killHint")}</p>}
      {error && (
        <p className="text-xs text-err" role="alert" data-testid="cluster-action-error">
          {error}
        </p>
      )}
    </section>
  );
}
