"use client";

import type { Segment } from "@/lib/contract/log";
import { useI18n } from "@/components/i18n/provider";
import { ExperimentCard, Stat } from "@/components/experiments/ExperimentCard";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { Icon } from "@/components/ui/Icon";
import { formatCount } from "@/components/ui/format";
import { resumeReader, storageAction } from "./api";
import { ConfigLine, DemoButtons } from "./parts";
import { useLogLab } from "./LogProvider";

/** Segments and retention: a topic of small segments rolling and deleted, and a slow reader that falls behind. */
export function StorageCard() {
  const { t } = useI18n();
  const { view, busy, act, error } = useLogLab();
  const s = view?.storage;
  const start = s?.partition ? BigInt(s.partition.logStart) : null;
  const behind = s?.slowReaderAt != null && start !== null && start > BigInt(s.slowReaderAt);
  const columns: Column<Segment>[] = [
    { id: "base", header: t("log.col.baseOffset"), cell: (g) => g.baseOffset, mono: true, rowHeader: true },
    { id: "bytes", header: t("log.col.bytes"), cell: (g) => formatCount(g.bytes), align: "right", mono: true },
  ];
  const reset = s?.lastReset;
  return (
    <ExperimentCard id="storage" title={t("log.storage.title")} intro={t("log.storage.intro")}>
      <DemoButtons running={s?.running ?? false} busy={busy} testid="log-storage" onAction={(a) => act(`storage-${a}`, () => storageAction(a))} />
      {s && <ConfigLine topic={s.topic} config={s.config} />}
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label={t("log.produced")} value={formatCount(s?.produced ?? 0)} />
        <Stat label={t("log.logStart")} value={s?.partition?.logStart ?? "–"} testid="log-storage-start-offset" />
        <Stat label={t("log.logEnd")} value={s?.partition?.highWatermark ?? "–"} />
        <Stat label={t("log.storage.slowAt")} value={s?.slowReaderAt ?? "–"} tone={behind ? "err" : undefined} testid="log-slow-at" />
      </div>
      {s?.segments === null ? (
        <p className="text-sm text-muted">{t("log.segments.external")}</p>
      ) : (
        <DataTable
          columns={columns}
          rows={s?.segments ?? []}
          rowKey={(g) => g.baseOffset}
          caption={t("log.segments.caption")}
          look="boxed"
          scroll={{ className: "max-h-48" }}
          label={t("log.segments.caption")}
          data={{ "data-testid": "log-segments", "data-count": s?.segments?.length ?? 0 }}
        />
      )}
      <p className="text-sm" data-testid="log-slow-state" data-behind={behind}>
        {s?.slowReaderAt == null ? t("log.storage.slowIdle") : behind ? t("log.storage.slowBehind") : t("log.storage.slowInLog")}
      </p>
      <div className="flex flex-wrap gap-2">
        {(["earliest", "latest"] as const).map((policy) => (
          <button
            key={policy}
            type="button"
            className="btn"
            disabled={busy || s?.slowReaderAt == null}
            data-testid={`log-resume-${policy}`}
            onClick={() => act(`resume:${policy}`, () => resumeReader(policy))}
          >
            <Icon name="play" />
            {t("log.storage.resume", { policy })}
          </button>
        ))}
      </div>
      {reset && (
        <p className={`text-sm ${reset.lost > 0 ? "text-err" : "text-ok"}`} data-testid="log-reset" data-lost={reset.lost}>
          {reset.lost > 0 ? t("log.storage.resetLost", { ...reset }) : t("log.storage.resetNone", { asked: reset.asked })}
        </p>
      )}
      {error && <p className="text-sm text-err">{error}</p>}
    </ExperimentCard>
  );
}
