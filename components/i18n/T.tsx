"use client";

import type { MessageKey, Params } from "@/lib/i18n";
import { useI18n } from "./provider";

/**
 * One dictionary text, for server components: the language can change on the client
 * (the language switch does not reload the page), so the text is looked up there.
 */
export function T({ k, params }: { k: MessageKey; params?: Params }) {
  const { t } = useI18n();
  return t(k, params);
}
