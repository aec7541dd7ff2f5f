import { en, type Dictionary, type MessageKey } from "./en";
import { zhCN } from "./zh-CN";
import { zhTW } from "./zh-TW";

export const LANGS = ["en", "zh-TW", "zh-CN"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "en";
export const LANG_COOKIE = "lang";
export const LANG_NAMES: Record<Lang, string> = { en: "English", "zh-TW": "繁體中文", "zh-CN": "简体中文" };

export const dictionaries: Record<Lang, Dictionary> = { en, "zh-TW": zhTW, "zh-CN": zhCN };

export type { MessageKey };
export type Params = Record<string, string | number>;

export const isLang = (v: unknown): v is Lang => typeof v === "string" && (LANGS as readonly string[]).includes(v);

/** The language to start with: a remembered choice, else the browser's preference. */
export function pickLang(saved: string | undefined | null, acceptLanguage: string | null): Lang {
  if (isLang(saved)) return saved;
  if (!acceptLanguage || !/^\s*zh/i.test(acceptLanguage)) return DEFAULT_LANG;
  // Simplified for mainland China, Singapore and a bare "zh-Hans"; Traditional for the rest (TW, HK, MO, Hant).
  return /^\s*zh[-_](cn|sg|hans)/i.test(acceptLanguage) ? "zh-CN" : "zh-TW";
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = dictionaries[lang][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A duration the way a learner reads it: 300000 → "5 min". */
export function formatDuration(lang: Lang, ms: number): string {
  const unit = (key: MessageKey, n: number) => translate(lang, key, { n: Number(n.toFixed(2)) });
  if (Math.abs(ms) < 1000) return unit("unit.ms", ms);
  if (Math.abs(ms) < 60_000) return unit("unit.s", ms / 1000);
  if (Math.abs(ms) < 3_600_000) return unit("unit.min", ms / 60_000);
  return unit("unit.h", ms / 3_600_000);
}
