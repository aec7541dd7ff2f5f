import type { ReplayAnswer } from "@/lib/contract/experiments";
import { useI18n } from "@/components/i18n/provider";

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
      <table className="w-fit font-mono text-xs">
        <thead className="text-muted">
          <tr>
            <th scope="col" className="pr-4 text-left font-normal">
              {t("exp.replay.partition")}
            </th>
            <th scope="col" className="pr-4 text-right font-normal">
              {t("exp.replay.from")}
            </th>
            <th scope="col" className="text-right font-normal">
              {t("exp.replay.to")}
            </th>
          </tr>
        </thead>
        <tbody>
          {answer.partitions.map((p) => (
            <tr key={`${p.topic}-${p.partition}`} data-testid="replay-partition">
              <td className="pr-4">
                {p.topic}-{p.partition}
              </td>
              <td className="pr-4 text-right">{p.from ?? "—"}</td>
              <td className="text-right">{p.to}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
