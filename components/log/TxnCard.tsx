"use client";

import Link from "next/link";
import type { PartitionLog, ReaderView } from "@/lib/contract/log";
import { useI18n } from "@/components/i18n/provider";
import { ExperimentCard, Stat } from "@/components/experiments/ExperimentCard";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { Icon } from "@/components/ui/Icon";
import { useNow } from "@/components/ui/useNow";
import { txnAction } from "./api";
import { useLogLab } from "./LogProvider";

function Reader({ r }: { r: ReaderView }) {
  const { t } = useI18n();
  return (
    <div className="grid gap-2 rounded-lg border border-line p-3" data-testid={`log-reader-${r.isolation}`} data-demo={r.demoRecords}>
      <h3 className="font-mono text-sm font-semibold">{r.isolation}</h3>
      <div className="grid gap-2 sm:grid-cols-3">
        <Stat label={t("log.txn.read")} value={r.records} />
        <Stat label={t("log.txn.demoRead")} value={r.demoRecords} tone={r.demoRecords > 0 ? "warn" : undefined} />
        <Stat label={t("log.txn.lastOffset")} value={r.lastOffset ?? "–"} />
      </div>
    </div>
  );
}

/** Transactions made visible: one pipeline output read at both isolation levels, a transaction held open, then aborted. */
export function TxnCard() {
  const { t, duration } = useI18n();
  const { view, busy, act, error } = useLogLab();
  const now = useNow(1000);
  const x = view?.txn;
  const columns: Column<PartitionLog>[] = [
    { id: "p", header: t("topics.col.partition"), cell: (p) => p.partition, mono: true, rowHeader: true },
    { id: "hw", header: t("log.col.hw"), cell: (p) => p.highWatermark, align: "right", mono: true },
    {
      id: "lso",
      header: t("log.col.lso"),
      cell: (p) => p.lastStable,
      align: "right",
      mono: true,
      className: (p) => (p.lastStable !== p.highWatermark ? "text-warn font-semibold" : ""),
    },
  ];
  return (
    <ExperimentCard id="txn" title={t("log.txn.title")} intro={t("log.txn.intro", { topic: x?.topic ?? "A_output" })}>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || !!x?.held}
          data-testid="log-txn-hold"
          onClick={() => act("txn-hold", () => txnAction("hold"))}
        >
          <Icon name="pause" />
          {t("log.txn.hold")}
        </button>
        <button
          type="button"
          className="btn !border-err/60 !text-err"
          disabled={busy || !x?.held}
          data-testid="log-txn-abort"
          onClick={() => act("txn-abort", () => txnAction("abort"))}
        >
          <Icon name="close" />
          {t("log.txn.abort")}
        </button>
      </div>
      <p className="text-sm" data-testid="log-txn-state" data-held={!!x?.held} data-ended={x?.lastEnded?.how ?? ""}>
        {x?.held
          ? t("log.txn.held", { records: x.held.records, age: duration(Math.max(0, now - x.held.since)), timeout: duration(x.held.timeoutMs) })
          : x?.lastEnded
            ? t(x.lastEnded.how === "aborted" ? "log.txn.aborted" : "log.txn.timedOut", { records: x.lastEnded.records })
            : t("log.txn.idle")}
      </p>
      {x && (
        <div className="grid gap-3 md:grid-cols-2">
          <Reader r={x.readers.committed} />
          <Reader r={x.readers.uncommitted} />
        </div>
      )}
      <DataTable
        columns={columns}
        rows={x?.partitions ?? []}
        rowKey={(p) => p.partition}
        look="boxed"
        caption={t("log.txn.caption")}
        data={{ "data-testid": "log-txn-offsets" }}
      />
      <p className="text-sm text-muted">
        {t("log.txn.chaos")}{" "}
        <Link href="/experiments#chaos" className="text-accent underline">
          {t("log.txn.chaosLink")}
        </Link>
      </p>
      {error && <p className="text-sm text-err">{error}</p>}
    </ExperimentCard>
  );
}
