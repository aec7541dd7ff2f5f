import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const sources = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [path.join(dir, e.name)] : [],
  );
const files = [...sources("components"), ...sources("app")].map((f) => ({ f, text: readFileSync(path.join(root, f), "utf8") }));
const rechartsImports = (text: string) =>
  [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"recharts"/g)].flatMap((m) =>
    (m[1] as string)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

describe("every chart goes through ChartFrame", () => {
  it("only components/charts draws a chart with Recharts (others may add reference marks)", () => {
    const framing = ["LineChart", "AreaChart", "BarChart", "ComposedChart", "ScatterChart", "ResponsiveContainer", "XAxis", "YAxis", "Legend", "Line"];
    const outside = files
      .filter(({ f }) => !f.startsWith(path.join("components", "charts")))
      .flatMap(({ f, text }) =>
        rechartsImports(text)
          .filter((n) => framing.includes(n))
          .map((n) => `${f}: ${n}`),
      );
    expect(outside).toEqual([]);
    // The check sees the frame's own imports, so it would see anyone else's.
    expect(rechartsImports(files.find(({ f }) => f.endsWith("ChartFrame.tsx"))!.text)).toContain("LineChart");
  });
  it("no chart draws a smoothed curve, which bends between samples", () => {
    const smooth = files.filter(({ text }) => /type=["{]*["'](monotone\w*|natural|basis\w*|cardinal\w*|catmullRom\w*)["']/.test(text)).map(({ f }) => f);
    expect(smooth).toEqual([]);
  });
});
