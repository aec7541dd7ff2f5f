/**
 * Symbols the pages may show as text. The lab ships no font: these are in every common system font
 * (and in DejaVu, Noto, Segoe UI Symbol, Apple Symbols) and none is drawn as colour emoji by default.
 * Anything else from the symbol blocks (⏮ showed as an empty box) belongs in an SVG icon (components/ui/Icon.tsx).
 */
export const SAFE_SYMBOLS: ReadonlySet<string> = new Set([..."←→∅−≈≤≥⋈◀✓✕⚠"]);

// Arrows, maths, technical, shapes, misc symbols, dingbats (U+2190–2BFF); emoji and pictographs; the emoji variation selector.
const SYMBOL_BLOCKS = /[\u{2190}-\u{2BFF}\u{1F000}-\u{1FAFF}\u{FE0F}]/u;

/** The distinct characters of `text` that need a font the page may not have, in order of first appearance. */
export function unsafeSymbols(text: string): string[] {
  return [...new Set([...text].filter((c) => SYMBOL_BLOCKS.test(c) && !SAFE_SYMBOLS.has(c)))];
}

/** Source text without comments (what a comment says is never drawn): `// …`, `/* … *\/` and JSX `{/* … *\/}`. */
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}
