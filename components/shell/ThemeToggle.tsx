import { useSyncExternalStore } from "react";
import { useI18n } from "@/components/i18n/provider";
import { Icon } from "@/components/ui/Icon";
import { THEME_COOKIE, isTheme, type Theme } from "./theme";

function currentTheme(): Theme {
  const set = document.documentElement.dataset.theme;
  if (isTheme(set)) return set;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** The page's theme: set on <html> by the server from the cookie, or the system's until the learner picks one. */
const subscribe = (onChange: () => void) => {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const attr = new MutationObserver(onChange);
  attr.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  media.addEventListener("change", onChange);
  return () => {
    attr.disconnect();
    media.removeEventListener("change", onChange);
  };
};

export function ThemeToggle() {
  const { t } = useI18n();
  const theme = useSyncExternalStore<Theme | null>(subscribe, currentTheme, () => null);
  const toggle = () => {
    const next: Theme = currentTheme() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  };
  const label = theme === "dark" ? t("theme.toLight") : t("theme.toDark");
  return (
    <button type="button" className="btn" onClick={toggle} aria-label={label} title={label} data-testid="theme-toggle">
      <Icon name={theme === "dark" ? "sun" : "moon"} />
    </button>
  );
}
