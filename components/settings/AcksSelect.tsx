import { PRODUCER_ACKS, SETTING_DEFS } from "@/lib/contract/settings";
import { useI18n } from "@/components/i18n/provider";
import type { ProducerAcks } from "./fields";

/** The input producers' acks: all (every in-sync replica), 1 (the leader) or 0 (no answer at all). */
export function AcksSelect({ value, onChange, testid }: { value: ProducerAcks; onChange: (a: ProducerAcks) => void; testid: string }) {
  const { t } = useI18n();
  return (
    <label className="block text-sm">
      <span className="mb-1 block text-muted">{t(SETTING_DEFS.acks.label)}</span>
      <select className="field font-mono" name="acks" data-testid={testid} value={value} onChange={(e) => onChange(e.target.value as ProducerAcks)}>
        {PRODUCER_ACKS.map((a) => (
          <option key={a} value={a}>
            {t(`settings.acks.${a}`)}
          </option>
        ))}
      </select>
      <span className="mt-1 block text-xs text-muted">{t(`settings.acksHelp.${value}`)}</span>
    </label>
  );
}
