"use client";

import type { MessageKey } from "@/lib/i18n";
import { useI18n } from "@/components/i18n/provider";

/** A dictionary text whose `backticked` names are drawn as code (they stay English in every language). */
export function CodeText({ k }: { k: MessageKey }) {
  const { t } = useI18n();
  return t(k)
    .split(/(`[^`]+`)/)
    .map((part, i) =>
      part.startsWith("`") && part.endsWith("`") ? (
        <code key={i} className="font-mono text-xs text-ink">
          {part.slice(1, -1)}
        </code>
      ) : (
        part
      ),
    );
}
