"use client";

import { useI18n } from "@/components/i18n/provider";
import { Icon } from "@/components/ui/Icon";

/** Start and Stop of a demo's producer. */
export function DemoButtons({ running, busy, testid, onAction }: { running: boolean; busy: boolean; testid: string; onAction: (a: "start" | "stop") => void }) {
  const { t } = useI18n();
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={testid} data-running={running}>
      <button type="button" className="btn btn-primary" disabled={busy || running} data-testid={`${testid}-start`} onClick={() => onAction("start")}>
        <Icon name="play" />
        {t("log.demo.start")}
      </button>
      <button type="button" className="btn" disabled={busy || !running} data-testid={`${testid}-stop`} onClick={() => onAction("stop")}>
        <Icon name="stop" />
        {t("log.demo.stop")}
      </button>
      <span className="text-sm text-muted">{running ? t("log.demo.running") : t("log.demo.stopped")}</span>
    </div>
  );
}

/** The demo topic and the configs it runs with, as Kafka names them. */
export function ConfigLine({ topic, config }: { topic: string; config: Record<string, string> }) {
  const { t } = useI18n();
  return (
    <p className="break-words text-xs text-muted">
      {t("log.topicConfig", { topic })}{" "}
      <span className="font-mono">
        {Object.entries(config)
          .map(([k, v]) => `${k}=${v}`)
          .join(" · ")}
      </span>
    </p>
  );
}
