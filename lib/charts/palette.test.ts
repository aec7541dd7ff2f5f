import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blend, contrastRatio } from "./contrast";
import { CHART_COLORS, partitionColor, strategyColor } from "./palette";

const css = readFileSync(path.resolve(import.meta.dirname, "../../app/globals.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

/** The custom properties of the top-level `:root` rules: light ones outside `@variant dark { … }`, dark ones inside it, later rules winning. */
function rootVars(): { light: Record<string, string>; darkOnly: Record<string, string> } {
  const light: Record<string, string> = {};
  const darkOnly: Record<string, string> = {};
  const declare = (into: Record<string, string>, body = "") => {
    for (const d of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) into[d[1] as string] = (d[2] as string).trim();
  };
  for (const m of css.matchAll(/^:root \{([^{}]*)(?:@variant dark \{([^{}]*)\}([^{}]*))?\}/gm)) {
    declare(light, m[1]);
    declare(light, m[3]);
    declare(darkOnly, m[2]);
  }
  return { light, darkOnly };
}

const { light, darkOnly } = rootVars();
const dark = { ...light, ...darkOnly };
const themes = { light, dark } as const;

describe("chart colours in app/globals.css", () => {
  it.each(Object.entries(themes))("%s: every chart colour keeps 3:1 against the page and the card", (_, theme) => {
    for (const name of CHART_COLORS) {
      const colour = theme[name];
      expect(colour, name).toMatch(/^#[0-9a-f]{6}$/i);
      for (const bg of ["--bg", "--surface"]) {
        expect(contrastRatio(colour as string, theme[bg] as string), `${name} on ${bg}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
  it("writes each dark value once, in a dark variant that follows both the theme switch and the OS preference", () => {
    const variant = css.match(/@custom-variant dark \{([\s\S]*?)\n\}/)?.[1] ?? "";
    expect(variant).toContain('[data-theme="dark"]');
    expect(variant).toMatch(/@media \(prefers-color-scheme: dark\)[\s\S]*:root:not\(\[data-theme="light"\]\)/);
    // Outside the variant, neither the switch nor the OS preference selects dark values a second time.
    const rest = css.replace(variant, "");
    expect(rest).not.toContain('[data-theme="dark"]');
    expect(rest).not.toContain("prefers-color-scheme: dark");
    for (const name of [...CHART_COLORS, "--chart-band", "--chart-band-alpha", "--bg", "--surface"]) expect(darkOnly[name], name).toBeDefined();
  });
  it.each(Object.entries(themes))("%s: the C ±window band is visible over a join lane, the picked one more", (_, theme) => {
    const lane = theme["--surface-2"] as string;
    const band = theme["--chart-band"] as string;
    const tint = (alpha: string) => contrastRatio(blend(band, lane, Number(alpha)), lane);
    // Dark mode used C's colour at 5 %: 1.10:1 over the lane, which a tester could not see.
    expect(tint(theme["--chart-band-alpha"] as string)).toBeGreaterThanOrEqual(1.2);
    expect(tint(theme["--chart-band-selected-alpha"] as string)).toBeGreaterThan(tint(theme["--chart-band-alpha"] as string));
  });
  it("strategies and partitions map onto the palette", () => {
    expect(strategyColor("C")).toBe("var(--chart-3)");
    expect(strategyColor("x")).toBe("var(--chart-rate)");
    expect(partitionColor(0)).toBe("var(--chart-1)");
    expect(partitionColor(7)).toBe("var(--chart-2)");
  });
});

describe("contrastRatio", () => {
  it("matches the WCAG extremes and is symmetric", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
    expect(contrastRatio("#ffffff", "#767676")).toBeCloseTo(contrastRatio("#767676", "#ffffff"), 10);
    expect(contrastRatio("#ffffff", "#767676")).toBeCloseTo(4.54, 2);
  });
  it("blend mixes by alpha", () => {
    expect(blend("#ffffff", "#000000", 0.5)).toBe("#808080");
    expect(blend("#123456", "#abcdef", 1)).toBe("#123456");
  });
});
