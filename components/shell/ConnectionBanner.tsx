"use client";

import { useBroker } from "@/components/live/BrokerProvider";
import { useConnection } from "@/components/live/SocketProvider";
import { useI18n } from "@/components/i18n/provider";

/** Says plainly when the page is not live, so a learner never mistakes a frozen chart for a quiet pipeline. */
export function ConnectionBanner() {
  const connection = useConnection();
  const broker = useBroker();
  const { t } = useI18n();
  let text: string | null = null;
  const proc = broker?.process;
  if (connection === "reconnecting") text = t("conn.reconnecting");
  else if (connection === "live" && proc?.status === "crashed") text = t("conn.brokerCrashed", { reason: proc.reason ?? "?" });
  else if (connection === "live" && proc?.status === "starting" && proc.crashes > 0 && proc.reason) text = t("conn.brokerRestarting");
  else if (connection === "live" && broker && !broker.connected)
    text = broker.error ? t("conn.brokerDown", { error: broker.error }) : t("conn.brokerDownNoError");
  if (!text) return null;
  return (
    <div role="status" data-testid="connection-banner" className="border-b border-err/30 bg-err/10 text-err">
      <div className="mx-auto max-w-[1600px] px-5 py-2 text-sm">{text}</div>
    </div>
  );
}
