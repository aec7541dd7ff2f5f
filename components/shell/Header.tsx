"use client";

import Link from "next/link";
import { Icon } from "@/components/ui/Icon";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import type { MessageKey } from "@/lib/i18n";
import { useBroker } from "@/components/live/BrokerProvider";
import { useConnection } from "@/components/live/SocketProvider";
import { LangSwitch } from "./LangSwitch";
import { ThemeToggle } from "./ThemeToggle";
import { useMenu } from "./useMenu";

const NAV: { href: string; label: MessageKey }[] = [
  { href: "/", label: "nav.pipeline" },
  { href: "/topics", label: "nav.topics" },
  { href: "/join", label: "nav.join" },
  { href: "/aggregate", label: "nav.aggregate" },
  { href: "/experiments", label: "nav.experiments" },
  { href: "/log", label: "nav.log" },
  { href: "/datasets", label: "nav.datasets" },
  { href: "/cluster", label: "nav.cluster" },
  { href: "/exercises", label: "nav.exercises" },
  { href: "/learn", label: "nav.learn" },
];

export function Header() {
  const { t } = useI18n();
  const path = usePathname();
  const connection = useConnection();
  const broker = useBroker();
  const { open: menuOpen, toggle: toggleMenu, close: closeMenu, button: menuButton, area: menuArea } = useMenu();
  const healthy = connection === "live" && broker?.connected;
  const connText = connection === "live" ? t("conn.live") : connection === "connecting" ? t("conn.connecting") : t("conn.reconnecting");
  return (
    <header ref={menuArea} className="sticky top-0 z-20 border-b border-line bg-surface/90 backdrop-blur">
      {/* One set of links for every width: from lg the menu's box is `display: contents`, so its parts sit
          in the bar (ordered around the status); below lg it is a panel under the bar that the button opens. */}
      <div className="mx-auto flex max-w-[1600px] items-center gap-3 px-5 py-2.5">
        <Link href="/" className="flex min-w-0 items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="grid h-7 w-7 shrink-0 place-items-center rounded-lg bg-accent text-sm text-surface">
            K
          </span>
          <span className="truncate whitespace-nowrap">{t("app.title")}</span>
        </Link>
        {/* The broker's address only where ten links leave room for it (2xl); the live dot and its word never shrink away. */}
        <div className="ml-auto flex min-w-0 items-center gap-3 lg:order-1">
          {broker && (
            <span className="hidden whitespace-nowrap font-mono text-xs text-muted 2xl:inline" data-testid="header-broker">
              {broker.connected ? t("broker.connected") : t("broker.disconnected")} · {broker.brokers}
            </span>
          )}
          <span className="flex shrink-0 items-center gap-1.5 text-xs text-muted" data-testid="conn-indicator" data-state={connection} title={connText}>
            <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${healthy ? "bg-ok" : connection === "live" ? "bg-warn" : "animate-pulse bg-err"}`} />
            <span className="truncate">{connText}</span>
          </span>
        </div>
        {/* Hidden by its box: `.btn` sets its own display, which a utility on the button cannot override. */}
        <div className="shrink-0 lg:hidden">
          <button
            ref={menuButton}
            type="button"
            className="btn"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            aria-label={t("nav.menu")}
            data-testid="nav-menu-button"
            onClick={toggleMenu}
          >
            <Icon name={menuOpen ? "close" : "menu"} size={16} />
          </button>
        </div>
        <div
          id="site-menu"
          data-testid="nav-menu"
          className={`${menuOpen ? "flex" : "hidden"} absolute inset-x-0 top-full flex-col gap-3 border-b border-line bg-surface px-5 py-3 shadow-lg lg:contents`}
        >
          <nav className="flex flex-col gap-1 text-sm lg:ml-3 lg:flex-row" aria-label={t("nav.label")}>
            {NAV.map((n) => {
              const active = n.href === "/" ? path === "/" : path.startsWith(n.href);
              return (
                <Link
                  key={n.href}
                  href={n.href}
                  data-testid={`nav-${n.href.slice(1) || "pipeline"}`}
                  aria-current={active ? "page" : undefined}
                  onClick={closeMenu}
                  className={`whitespace-nowrap rounded-md px-3 py-2 lg:py-1.5 ${active ? "bg-accent-soft font-medium text-accent" : "text-muted hover:text-ink"}`}
                >
                  {t(n.label)}
                </Link>
              );
            })}
          </nav>
          <div className="flex items-center gap-3 border-t border-line pt-3 lg:order-2 lg:border-0 lg:pt-0">
            <LangSwitch />
            <ThemeToggle />
          </div>
        </div>
      </div>
    </header>
  );
}
