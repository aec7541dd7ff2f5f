export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";
export const isTheme = (v: unknown): v is Theme => v === "light" || v === "dark";
