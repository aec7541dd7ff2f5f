import type { ReplayAnswer } from "@/lib/contract/experiments";
import { useI18n } from "@/components/i18n/provider";
import { DataTable, type Column } from "@/components/ui/DataTable";

type Translate = ReturnType<typeof useI18n>["t"];

const columns = (t: Translate): Column<ReplayAnswer["partitions"][number]>[] => [
  { id: "partition", header: t("exp.replay.partition"), cell: (p) => `${p.topic}-${p.partition}` },
  { id: "from", header: t("exp.replay.from"), align: "right", cell: (p) => p.from ?? "—" },
  { id: "to", header: t("exp.replay.to"), align: "right", cell: (p) => p.to },
];

/** What the server rewound: every partition of every input topic, from where to where. */
export function ReplayResult({ answer, rewritten }: { answer: ReplayAnswer; rewritten: boolean }) {
  const { t } = useI18n();
  return (
    <div className="grid gap-1 text-sm" data-testid="replay-result" data-records={answer.records} data-rewritten={rewritten}>
      <p>{t("exp.replay.did", { group: answer.group, records: answer.records })}</p>
      {rewritten && (
        <p className="text-ok" data-testid="replay-rewritten">
          {t("exp.replay.rewritten")}
        </p>
      )}
      <DataTable
        look="bare"
        columns={columns(t)}
        rows={answer.partitions}
        rowKey={(p) => `${p.topic}-${p.partition}`}
        rowData={() => ({ "data-testid": "replay-partition" })}
      />
    </div>
  );
}
