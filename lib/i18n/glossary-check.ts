import { GLOSSARY, type ConceptId, type Variant } from "./glossary";
import type { Lang } from "./index";

export interface Violation {
  key: string;
  concept: ConceptId;
  /** The avoided words as the text has them. */
  variant: string;
  /** The words around the variant, to find it in a long paragraph. */
  context: string;
}

/**
 * What the scan ignores: `{placeholders}` and `code` (names, not words), and an English gloss in full-width
 * brackets right after a Chinese term, which introduces it once: 偏移量（offset）.
 */
const ignored = (text: string) =>
  text
    .replace(/\{\w+\}/g, " ")
    .replace(/`[^`]*`/g, " ")
    .replace(/（[A-Za-z][\w .-]*）/g, "（）");

const asRegExp = (v: Variant) => (typeof v === "string" ? new RegExp(v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : v);

/** Every avoided variant of every glossary concept that appears in these texts of one language. */
export function findVariants(lang: Lang, texts: Readonly<Record<string, string>>): Violation[] {
  const found: Violation[] = [];
  for (const [key, raw] of Object.entries(texts)) {
    const text = ignored(raw);
    for (const [concept, { avoid }] of Object.entries(GLOSSARY) as [ConceptId, (typeof GLOSSARY)[ConceptId]][]) {
      for (const variant of (avoid as Partial<Record<Lang, readonly Variant[]>>)[lang] ?? []) {
        const m = asRegExp(variant).exec(text);
        if (m) found.push({ key, concept, variant: m[0], context: text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12) });
      }
    }
  }
  return found;
}

/** One line a failing test can print: which key uses which variant instead of the glossary's term. */
export const describeViolation = (lang: Lang, v: Violation) =>
  `${lang} ${v.key}: "${v.variant}" instead of "${GLOSSARY[v.concept].term[lang]}" (${v.concept}) in "…${v.context}…"`;
