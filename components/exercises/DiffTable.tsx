"use client";

import type { Difference, InputRecordView, OutputRecordView } from "@/lib/contract/exercises";
import { useI18n } from "@/components/i18n/provider";
import { DataTable, type Column } from "@/components/ui/DataTable";

const json = (v: unknown) => JSON.stringify(v);
const output = (r: OutputRecordView | undefined) => (r ? `${r.key ?? "∅"} → ${json(r.value)} @${r.eventTime}` : "—");
const inputs = (rs: InputRecordView[] | undefined) => (rs?.length ? rs.map((r) => `${r.key ?? "∅"} ${json(r.value)} @${r.eventTime}`).join("\n") : "—");

const TONE: Record<Difference["kind"], string> = { missing: "text-err", extra: "text-warn", different: "text-accent" };

/** The grader's first differences: what kind, the reference's record, the learner's, and the inputs with that key. */
export function DiffTable({ differences }: { differences: Difference[] }) {
  const { t } = useI18n();
  const columns: Column<Difference & { i: number }>[] = [
    {
      id: "kind",
      header: t("exui.diff.kind"),
      rowHeader: true,
      cell: (d) => t(`exui.diff.${d.kind}`),
      className: (d) => `font-sans font-medium ${TONE[d.kind]}`,
    },
    { id: "expected", header: t("exui.diff.expected"), cell: (d) => output(d.expected), className: "break-all" },
    { id: "actual", header: t("exui.diff.actual"), cell: (d) => output(d.actual), className: "break-all" },
    { id: "inputs", header: t("exui.diff.inputs"), cell: (d) => inputs(d.inputs), className: "whitespace-pre-wrap break-all" },
  ];
  return (
    <DataTable
      columns={columns}
      rows={differences.map((d, i) => ({ ...d, i }))}
      rowKey={(d) => d.i}
      rowData={(d) => ({ "data-testid": "difference", "data-kind": d.kind })}
      look="boxed"
      caption={t("exui.diff.caption")}
      scroll={{ className: "max-h-96 overflow-auto rounded-lg border border-line" }}
    />
  );
}
