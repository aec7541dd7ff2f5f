import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blend, contrastRatio } from "./contrast";
import { CHART_COLORS, partitionColor, strategyColor } from "./palette";

const css = readFileSync(path.resolve(import.meta.dirname, "../../app/globals.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

/** The custom properties of every rule with exactly this selector, later ones winning. */
function vars(selector: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    // The selector is what follows the previous statement (`@import …;` and the like).
    if ((m[1] as string).split(";").pop()?.trim() !== selector) continue;
    for (const d of (m[2] as string).matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[d[1] as string] = (d[2] as string).trim();
  }
  return out;
}

const light = vars(":root");
const dark = { ...light, ...vars(':root[data-theme="dark"]') };
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
  it("the dark values for the OS preference are the same as for the dark theme switch", () => {
    const osDark = vars(':root:not([data-theme="light"])');
    for (const name of [...CHART_COLORS, "--chart-band", "--chart-band-alpha"]) expect(osDark[name], name).toBe(dark[name]);
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
