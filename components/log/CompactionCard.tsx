"use client";

import type { KeyCount } from "@/lib/contract/log";
import { useI18n } from "@/components/i18n/provider";
import { ExperimentCard, Stat } from "@/components/experiments/ExperimentCard";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { compactionAction, deleteKey } from "./api";
import { ConfigLine, DemoButtons } from "./parts";
import { useLogLab } from "./LogProvider";

/** Compaction: a user-profile table, records per key written against held in the log, tombstones dropped after their delay. */
export function CompactionCard() {
  const { t } = useI18n();
  const { view, busy, act, error } = useLogLab();
  const c = view?.compaction;
  const keys = c?.keys ?? [];
  const sum = (f: (k: KeyCount) => number | null) => keys.reduce((n, k) => n + (f(k) ?? 0), 0);
  const latest = (k: KeyCount) =>
    k.inLog === null ? "…" : k.inLog === 0 ? t("log.compaction.gone") : k.latest === null ? t("log.compaction.tombstone") : k.latest;
  const columns: Column<KeyCount>[] = [
    { id: "key", header: t("topics.col.key"), cell: (k) => k.key, mono: true, rowHeader: true, className: "whitespace-nowrap" },
    {
      id: "produced",
      header: t("log.col.written"),
      cell: (k) => (k.tombstonesProduced ? `${k.produced} (${k.tombstonesProduced} ${t("log.compaction.tombstone")})` : k.produced),
      align: "right",
    },
    { id: "inLog", header: t("log.col.inLog"), cell: (k) => k.inLog ?? "…", align: "right", data: (k) => ({ "data-testid": `log-inlog-${k.key}` }) },
    { id: "latest", header: t("log.col.latest"), cell: latest, className: "max-w-[9rem] truncate sm:max-w-[16rem]", title: (k) => k.latest ?? undefined },
    {
      id: "delete",
      header: t("log.compaction.delete"),
      hideHeader: true,
      cell: (k) =>
        k.key.startsWith("user-") && (
          <button
            type="button"
            className="btn btn-sm"
            disabled={busy || k.inLog === 0}
            data-testid={`log-delete-${k.key}`}
            aria-label={t("log.compaction.deleteKey", { key: k.key })}
            onClick={() => act(`delete:${k.key}`, () => deleteKey(k.key))}
          >
            {t("log.compaction.delete")}
          </button>
        ),
    },
  ];
  return (
    <ExperimentCard id="compaction" title={t("log.compaction.title")} intro={t("log.compaction.intro")}>
      <DemoButtons running={c?.running ?? false} busy={busy} testid="log-compaction" onAction={(a) => act(`compaction-${a}`, () => compactionAction(a))} />
      {c && <ConfigLine topic={c.topic} config={c.config} />}
      <div className="grid grid-cols-2 gap-2">
        <Stat label={t("log.compaction.written")} value={sum((k) => k.produced)} />
        <Stat label={t("log.compaction.held")} value={c?.scannedAt == null ? "…" : sum((k) => k.inLog)} testid="log-compaction-held" />
      </div>
      <DataTable
        columns={columns}
        rows={keys}
        rowKey={(k) => k.key}
        look="boxed"
        caption={t("log.compaction.caption")}
        label={t("log.compaction.caption")}
        scroll={{}}
        data={{ "data-testid": "log-keys" }}
      />
      <p className="text-xs text-muted">{t("log.compaction.activeNote")}</p>
      {error && <p className="text-sm text-err">{error}</p>}
    </ExperimentCard>
  );
}
