import { useEffect, useState } from "react";
import type { ComponentName, LogLine } from "@/lib/contract/api";
import { useSocket } from "@/components/live/SocketProvider";
import { formatClock } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { appendCollapsed } from "@/lib/logs/collapse";
import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { fetchLogs } from "./api";

const MAX_LINES = 300;

/** A repeated line arrives again with its new count: it replaces the older copy instead of adding one. */
const merge = (lines: LogLine[], more: LogLine[]) => more.reduce((acc, l) => appendCollapsed(acc, l, { capacity: MAX_LINES }), lines);

/** The recent log lines of one component: fetched once, then followed live. Keyed by `name` where it is shown, so another component's log starts empty. */
export function LogDrawer({ name, onClose }: { name: ComponentName; onClose: () => void }) {
  const { t } = useI18n();
  const { listen, subscribe } = useSocket();
  const [lines, setLines] = useState<LogLine[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    fetchLogs(name)
      .then((r) => alive && setLines((live) => merge(r.lines, live)))
      .catch((err: unknown) => alive && setError(err instanceof Error ? err.message : String(err)));
    const leave = subscribe("logs:subscribe", { name }, "logs:unsubscribe");
    const off = listen("component:log", (m) => {
      if (m.name === name) setLines((prev) => merge(prev, m.lines));
    });
    return () => {
      alive = false;
      leave();
      off();
    };
  }, [name, listen, subscribe]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <div
      role="dialog"
      aria-label={t("logs.title", { name: t(`comp.${name}`) })}
      data-testid="log-drawer"
      className="fixed inset-y-0 right-0 z-30 flex w-[min(640px,100vw)] flex-col border-l border-line bg-surface shadow-2xl"
    >
      <div className="flex items-center justify-between border-b border-line px-4 py-3">
        <h3 className="text-sm font-semibold">{t("logs.title", { name: t(`comp.${name}`) })}</h3>
        <button type="button" className="btn btn-sm" onClick={onClose}>
          {t("logs.close")}
        </button>
      </div>
      <ScrollRegion
        label={t("logs.title", { name: t(`comp.${name}`) })}
        className="flex-1 overflow-auto bg-surface-2 p-3 font-mono text-[11.5px] leading-relaxed"
      >
        {error && <div className="text-err">{error}</div>}
        {lines.length === 0 && !error && <div className="text-muted">{t("logs.empty")}</div>}
        {lines.map((l, i) => (
          <div key={i} className="whitespace-pre-wrap break-all">
            <span className="text-muted">{formatClock(l.at)} </span>
            <span className={l.level === "error" || l.level === "fatal" ? "text-err" : l.level === "warn" ? "text-warn" : "text-accent"}>
              {l.level.padEnd(5)}{" "}
            </span>
            {l.msg}
            {l.count && (
              <span className="ml-2 whitespace-nowrap rounded border border-line bg-surface px-1 font-semibold" title={t("logs.repeated", { count: l.count })}>
                ×{l.count}
              </span>
            )}
          </div>
        ))}
      </ScrollRegion>
    </div>
  );
}
