"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import type { MessageKey } from "@/lib/i18n";
import { useBroker } from "@/components/live/BrokerProvider";
import { useConnection } from "@/components/live/SocketProvider";
import { LangSwitch } from "./LangSwitch";
import { ThemeToggle } from "./ThemeToggle";

const NAV: { href: string; label: MessageKey }[] = [
  { href: "/", label: "nav.pipeline" },
  { href: "/topics", label: "nav.topics" },
  { href: "/join", label: "nav.join" },
  { href: "/aggregate", label: "nav.aggregate" },
  { href: "/experiments", label: "nav.experiments" },
  { href: "/learn", label: "nav.learn" },
];

export function Header() {
  const { t } = useI18n();
  const path = usePathname();
  const connection = useConnection();
  const broker = useBroker();
  const healthy = connection === "live" && broker?.connected;
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-surface/90 backdrop-blur">
      <div className="mx-auto flex max-w-[1600px] items-center gap-6 px-5 py-2.5">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-lg bg-accent text-sm text-white">K</span>
          {t("app.title")}
        </Link>
        <nav className="flex gap-1 text-sm">
          {NAV.map((n) => {
            const active = n.href === "/" ? path === "/" : path.startsWith(n.href);
            return (
              <Link
                key={n.href}
                href={n.href}
                data-testid={`nav-${n.href.slice(1) || "pipeline"}`}
                aria-current={active ? "page" : undefined}
                className={`rounded-md px-3 py-1.5 ${active ? "bg-accent-soft font-medium text-accent" : "text-muted hover:text-ink"}`}
              >
                {t(n.label)}
              </Link>
            );
          })}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          {broker && (
            <span className="hidden font-mono text-xs text-muted lg:inline" data-testid="header-broker">
              {broker.connected ? t("broker.connected") : t("broker.disconnected")} · {broker.brokers}
            </span>
          )}
          <span className="flex items-center gap-1.5 text-xs text-muted" data-testid="conn-indicator" data-state={connection}>
            <span
              aria-hidden
              className={`h-2 w-2 rounded-full ${healthy ? "bg-ok" : connection === "live" ? "bg-warn" : "animate-pulse bg-err"}`}
            />
            {connection === "live" ? t("conn.live") : connection === "connecting" ? t("conn.connecting") : t("conn.reconnecting")}
          </span>
          <LangSwitch />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
