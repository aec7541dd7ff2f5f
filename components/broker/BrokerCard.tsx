"use client";

import Link from "next/link";
import { useBroker } from "@/components/live/BrokerProvider";
import { formatShortClock } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { BrokerControl } from "./BrokerControl";
import { NodeCountSwitch } from "./NodeCountSwitch";

/** The broker as it is right now: reachable or not, where, which cluster, which topics. */
export function BrokerCard() {
  const broker = useBroker();
  const { t } = useI18n();
  const up = broker?.connected ?? false;
  const proc = broker?.process ?? null;
  const down = proc?.status === "crashed" || (proc?.status === "starting" && proc.reason !== null);
  const label = !broker
    ? t("broker.unknown")
    : proc?.status === "crashed"
      ? t("broker.crashed")
      : proc?.status === "starting"
        ? t("broker.starting")
        : up
          ? t("broker.connected")
          : t("broker.disconnected");
  return (
    <section className="card p-4" data-testid="broker-card" data-connected={broker ? String(up) : "unknown"} data-process={proc?.status ?? "none"}>
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-base font-semibold">{t("broker.title")}</h2>
        <span
          data-testid="broker-status"
          className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ${
            !broker ? "bg-surface-2 text-muted" : up && !down ? "bg-ok/15 text-ok" : "bg-err/15 text-err"
          }`}
        >
          <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-current" />
          {label}
        </span>
      </div>
      {broker && (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <Row label={t("broker.mode")} value={t(`broker.mode.${broker.mode}`)} testid="broker-mode" />
            <Row label={t("broker.bootstrap")} value={broker.brokers} mono testid="broker-bootstrap" />
            <Row label={t("broker.clusterId")} value={broker.clusterId ?? t("common.none")} mono testid="broker-cluster" />
            <Row label={t("broker.version")} value={broker.version ?? t("common.none")} mono />
            {broker.cluster && (
              <Row
                label={t("broker.nodes")}
                value={t("broker.nodesUp", { up: broker.cluster.nodes.filter((n) => n.status === "running").length, count: broker.cluster.count })}
                testid="broker-nodes"
              />
            )}
          </dl>
          {broker.error && !up && <p className="mt-2 text-xs text-err">{broker.error}</p>}
          {proc && proc.crashes > 0 && <CrashNote reason={proc.reason} crashes={proc.crashes} restartAt={proc.restartAt} />}
          <div className="mt-3">
            <div className="eyebrow mb-1.5">{t("broker.topics", { count: broker.topics.length })}</div>
            {broker.topics.length === 0 ? (
              <p className="text-xs text-muted">{t("broker.noTopics")}</p>
            ) : (
              <ul className="flex flex-wrap gap-1.5" data-testid="broker-topics">
                {broker.topics.map((topic) => (
                  <li key={topic}>
                    <Link
                      href={`/topics?topic=${encodeURIComponent(topic)}`}
                      className="rounded-md bg-surface-2 px-2 py-0.5 font-mono text-[11px] hover:text-accent"
                    >
                      {topic}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <p className="mt-3 text-[11px] text-muted">{t("broker.updated", { time: formatShortClock(broker.at) })}</p>
          {broker.mode === "embedded" && <BrokerControl up={up && proc?.status !== "crashed"} />}
          {broker.cluster && <NodeCountSwitch cluster={broker.cluster} />}
        </>
      )}
    </section>
  );
}

function Row({ label, value, mono, testid }: { label: string; value: string; mono?: boolean; testid?: string }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className={`min-w-0 [overflow-wrap:anywhere] ${mono ? "font-mono text-[12.5px]" : ""}`} data-testid={testid} title={value}>
        {value}
      </dd>
    </>
  );
}

/** What the lab knows of the broker's crashes: the last reason, how many, when it starts it again. */
function CrashNote({ reason, crashes, restartAt }: { reason: string | null; crashes: number; restartAt: number | null }) {
  const { t } = useI18n();
  return (
    <div className="mt-2 space-y-0.5 text-xs" data-testid="broker-crash">
      {reason && <p className="text-err">{t("broker.lastCrash", { reason })}</p>}
      <p className="text-muted">{t("broker.crashes", { count: crashes })}</p>
      {restartAt !== null && <p className="text-muted">{t("broker.restartAt", { time: formatShortClock(restartAt) })}</p>}
    </div>
  );
}
