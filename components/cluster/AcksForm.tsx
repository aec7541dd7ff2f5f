"use client";

import { AcksSelect } from "@/components/settings/AcksSelect";
import { ApplyButton } from "@/components/settings/SettingsFields";
import { useApplySettings } from "@/components/settings/useApplySettings";
import { useSettingsDraft } from "@/components/settings/useSettingsDraft";
import { useI18n } from "@/components/i18n/provider";

/** The input producers' acks, beside the brokers: the producers switch at once, without a restart. */
export function AcksForm() {
  const { t } = useI18n();
  const draft = useSettingsDraft([]);
  const apply = useApplySettings(draft);
  if (!draft) return null;
  return (
    <form className="card grid max-w-xl gap-2 p-3" onSubmit={apply.submit} data-testid="cluster-acks" noValidate>
      <h2 className="text-sm font-semibold">{t("cluster.acksTitle")}</h2>
      <AcksSelect
        value={draft.acks}
        testid="cluster-acks-select"
        onChange={(a) => {
          apply.edited();
          draft.chooseAcks(a);
        }}
      />
      <div className="flex flex-wrap items-center gap-3">
        <ApplyButton
          ready={apply.ready}
          saving={apply.state.kind === "saving"}
          testid="cluster-acks-apply"
          label={t("cluster.acksApply")}
          busyLabel={t("cluster.acksApply")}
        />
        {apply.state.kind === "saved" && (
          <span className="text-xs text-ok" data-testid="cluster-acks-applied">
            {t("cluster.acksApplied", { acks: t(`settings.acks.${draft.settings.acks}`) })}
          </span>
        )}
        {apply.state.kind === "error" && <span className="text-xs text-err">{apply.state.error}</span>}
      </div>
    </form>
  );
}
