import { LANGS, LANG_NAMES, isLang } from "@/lib/i18n";
import { useI18n } from "@/components/i18n/provider";

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <select
      aria-label={t("lang.label")}
      className="field !w-auto !py-1 text-sm"
      value={lang}
      data-testid="lang-switch"
      onChange={(e) => isLang(e.target.value) && setLang(e.target.value)}
    >
      {LANGS.map((l) => (
        <option key={l} value={l}>
          {LANG_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
