"use client";

import Link from "next/link";
import type { ReplayStatus, RowProblem } from "@/lib/contract/datasets";
import { useI18n } from "@/components/i18n/provider";
import { Stat } from "@/components/experiments/ExperimentCard";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { formatCount } from "@/components/ui/format";

/** The replay's progress: rows sent, dead letters with their line numbers, where in the file and in event time. */
export function ReplayProgress({ status }: { status: ReplayStatus | null }) {
  const { t } = useI18n();
  const s = status;
  const columns: Column<RowProblem>[] = [
    { id: "line", header: t("ds.col.line"), cell: (r) => r.line, align: "right", mono: true },
    { id: "reason", header: t("ds.col.reason"), cell: (r) => r.reason, mono: true },
    { id: "error", header: t("ds.col.error"), cell: (r) => r.error, className: "break-all" },
  ];
  return (
    <section className="card grid min-w-0 content-start gap-3 p-4" aria-live="polite" data-testid="replay-progress">
      <h2 className="text-base font-semibold">
        {t("ds.progress")}
        {s && (
          <span className="ml-2 text-sm font-normal text-muted" data-testid="replay-state" data-state={s.state}>
            {t(`ds.state.${s.state}`)}
            {s.dataset ? ` · ${s.dataset} → ${s.topic}` : ""}
          </span>
        )}
      </h2>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label={t("ds.sent")} value={formatCount(s?.sent ?? 0)} testid="replay-sent" />
        <Stat label={t("ds.deadLettered")} value={formatCount(s?.deadLettered ?? 0)} testid="replay-dead" tone={s && s.deadLettered > 0 ? "warn" : undefined} />
        <Stat label={t("ds.line")} value={formatCount(s?.line ?? 0)} testid="replay-line" />
        <Stat label={t("ds.restarts")} value={s?.restarts ?? 0} />
      </div>
      {s?.eventTime != null && (
        <p className="text-sm text-muted">
          {t("ds.eventTime")}: <span className="font-mono">{new Date(s.eventTime).toISOString().replace("T", " ").slice(0, 19)} UTC</span>
        </p>
      )}
      {s?.error && (
        <p className="text-sm text-err" data-testid="replay-error">
          {s.error}
        </p>
      )}
      <h3 className="text-sm font-semibold">{t("ds.deadLetters")}</h3>
      {s && s.recentDeadLetters.length > 0 ? (
        <DataTable
          columns={columns}
          rows={[...s.recentDeadLetters].reverse()}
          rowKey={(r) => `${r.line}`}
          rowData={(r) => ({ "data-testid": "replay-dead-row", "data-line": r.line })}
          look="boxed"
          label={t("ds.deadLetters")}
          scroll={{ className: "max-h-64 rounded-md border border-line" }}
        />
      ) : (
        <p className="text-sm text-muted">{t("ds.noDeadLetters")}</p>
      )}
      {s?.topic && (
        <Link className="text-sm text-accent underline" href={`/topics?topic=${encodeURIComponent(s.topic)}`}>
          {t("ds.viewTopic", { topic: s.topic })}
        </Link>
      )}
    </section>
  );
}
