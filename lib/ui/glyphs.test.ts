import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dictionaries, LANGS } from "@/lib/i18n";
import { LESSONS } from "@/lib/lessons";
import { lessonText } from "@/lib/lessons/text";
import { unsafeSymbols, withoutComments } from "./glyphs";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => path.join(dir, f));
}

describe("unsafeSymbols", () => {
  it("flags symbols a system font may lack or draw as emoji", () => {
    expect(unsafeSymbols("⏮ Rewind ☠ Kill ⟳ 🚀 ▶")).toEqual(["⏮", "☠", "⟳", "🚀", "▶"]);
  });
  it("lets letters, CJK, punctuation and the safe symbols through", () => {
    expect(unsafeSymbols("✓ 輸入 = 輸出，C ⋈ D → ≈ 5 MB − 2 ∅ ⚠ «ok»")).toEqual([]);
  });
  it("names each symbol once", () => {
    expect(unsafeSymbols("☠☠ ☠")).toEqual(["☠"]);
  });
});

describe("withoutComments", () => {
  it("drops line, block and JSX comments but keeps URLs and strings", () => {
    const src = 'a(); // ⏮ here\n{/* ☠ */}<b>x</b> /* ⟳\n */ "http://x" ';
    expect(withoutComments(src)).toBe('a(); \n{}<b>x</b>  "http://x" ');
  });
});

describe("text the pages show needs no font the lab does not ship", () => {
  it.each(LANGS)("the %s dictionary", (lang) => {
    const bad = Object.entries(dictionaries[lang]).filter(([, text]) => unsafeSymbols(text).length > 0);
    expect(bad).toEqual([]);
  });
  it("the lessons", () => {
    const texts = LESSONS.flatMap((l) =>
      LANGS.flatMap((lang) =>
        Object.values(lessonText(l, lang))
          .flat()
          .filter((s): s is string => typeof s === "string"),
      ),
    );
    expect(texts.length).toBeGreaterThan(LESSONS.length * 3);
    expect(texts.filter((s) => unsafeSymbols(s).length > 0)).toEqual([]);
  });
  it("the components and pages", () => {
    const files = [...sources("components"), ...sources("app")];
    expect(files.length).toBeGreaterThan(20);
    const bad = files.map((f) => [f, unsafeSymbols(withoutComments(readFileSync(path.join(ROOT, f), "utf8")))] as const).filter(([, s]) => s.length > 0);
    expect(bad).toEqual([]);
  });
});
