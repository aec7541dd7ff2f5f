"use client";

import type { InputRecordView } from "@/lib/contract/exercises";
import { useI18n } from "@/components/i18n/provider";
import { DataTable, type Column } from "@/components/ui/DataTable";

/** The first records of the exercise's input, as `process` will see them. */
export function InputSample({ records, count, delayMs }: { records: InputRecordView[]; count: number; delayMs: number }) {
  const { t, duration } = useI18n();
  const columns: Column<InputRecordView>[] = [
    { id: "partition", header: t("topics.col.partition"), cell: (r) => r.partition, align: "right" },
    { id: "offset", header: t("topics.col.offset"), cell: (r) => r.offset, align: "right" },
    { id: "key", header: t("topics.col.key"), cell: (r) => r.key ?? "∅" },
    { id: "value", header: t("topics.col.value"), cell: (r) => JSON.stringify(r.value), className: "whitespace-nowrap" },
    { id: "eventTime", header: t("topics.col.eventTime"), cell: (r) => r.eventTime, align: "right" },
  ];
  return (
    <section className="card grid min-w-0 grid-cols-[minmax(0,1fr)] gap-2 p-4" aria-labelledby="input-title" data-testid="exercise-input">
      <h2 id="input-title" className="text-base font-semibold">
        {t("exui.input")}
      </h2>
      <p className="text-sm text-muted">{t("exui.inputAbout", { count, delay: duration(delayMs) })}</p>
      <DataTable
        columns={columns}
        rows={records}
        rowKey={(r) => `${r.partition}:${r.offset}`}
        look="boxed"
        caption={t("exui.inputCaption")}
        scroll={{ className: "max-h-72 overflow-auto rounded-lg border border-line" }}
      />
    </section>
  );
}
