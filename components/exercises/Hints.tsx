"use client";

import { useState } from "react";
import type { MessageKey } from "@/lib/i18n";
import { useI18n } from "@/components/i18n/provider";

/** The exercise's hints, revealed one at a time: each press shows the next, and the shown ones stay. */
export function Hints({ hints }: { hints: readonly MessageKey[] }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(0);
  if (hints.length === 0) return null;
  return (
    <section className="card grid gap-2 p-4" aria-labelledby="hints-title" data-testid="hints">
      <h2 id="hints-title" className="text-base font-semibold">
        {t("exui.hints")}
      </h2>
      <ol className="grid gap-2 text-sm" aria-live="polite">
        {hints.slice(0, shown).map((k, i) => (
          <li key={k} className="rounded-lg bg-surface-2 px-3 py-2" data-testid="hint">
            <span className="eyebrow block">{t("exui.hint", { n: i + 1 })}</span>
            {t(k)}
          </li>
        ))}
      </ol>
      {shown < hints.length ? (
        <button type="button" className="btn justify-self-start" onClick={() => setShown(shown + 1)} data-testid="next-hint">
          {t("exui.nextHint", { shown, total: hints.length })}
        </button>
      ) : (
        <p className="text-xs text-muted">{t("exui.allHints")}</p>
      )}
    </section>
  );
}
