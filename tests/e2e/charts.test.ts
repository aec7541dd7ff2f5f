import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { RunningApp } from "../support/app";
import { labelWidth } from "@/lib/charts/axis";
import { screenshot, sessionPerFile } from "./browser";

let app: RunningApp;
let page: Page;
sessionPerFile({ width: 1280, height: 900 }, (s) => ({ app, page } = s));

interface ChartReport {
  id: string;
  series: number;
  legendItems: number;
  legendVisible: boolean;
  yTicks: number;
  /** Tick labels (y, and x) whose box leaves the chart's svg, with how. */
  clipped: string[];
  /** x tick labels shown twice. */
  repeatedX: string[];
}

/** Every chart frame on the page: its series, its legend, and whether each y tick label lies inside its svg. */
function inspectCharts(p: Page): Promise<ChartReport[]> {
  return p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("figure[data-chart]")].map((fig) => {
      const svg = fig.querySelector("svg.recharts-surface");
      const box = svg?.getBoundingClientRect();
      const legend = fig.querySelector<HTMLElement>('[data-testid="chart-legend"]');
      const ticks = [...fig.querySelectorAll<SVGTextElement>(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")];
      const xTicks = [...fig.querySelectorAll<SVGTextElement>(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")];
      const xLabels = xTicks.map((t) => t.textContent ?? "");
      const clipped = [...ticks, ...xTicks].flatMap((t) => {
        const r = t.getBoundingClientRect();
        const inside = box && r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
        return inside ? [] : [`${t.textContent} [${Math.round(r.left)}…${Math.round(r.right)}] in [${Math.round(box?.left ?? 0)}…]`];
      });
      return {
        id: fig.dataset.testid ?? "?",
        series: Number(fig.dataset.series),
        legendItems: legend?.querySelectorAll('[data-testid="chart-legend-item"]').length ?? 0,
        legendVisible: !!legend && legend.getBoundingClientRect().height > 0,
        yTicks: ticks.length,
        clipped,
        repeatedX: xLabels.filter((l, i) => xLabels.indexOf(l) !== i),
      };
    }),
  );
}

/** The real width of tick labels in the chart font, to hold the axis' estimate to. */
function measureTicks(p: Page, labels: string[]): Promise<number[]> {
  return p.evaluate((texts) => {
    const tick = document.querySelector<SVGTextElement>(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value");
    if (!tick) throw new Error("no y tick on the page to measure beside");
    return texts.map((s) => {
      const probe = tick.cloneNode() as SVGTextElement;
      probe.textContent = s;
      tick.parentNode!.appendChild(probe);
      const w = probe.getComputedTextLength();
      probe.remove();
      return w;
    });
  }, labels);
}

async function checkPage(name: string, want: string[]) {
  for (const id of want) await page.locator(`[data-testid="${id}"]:not([data-points="0"]):not([data-points="1"])`).waitFor({ timeout: 90_000 });
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await screenshot(page, `60-charts-${name}-${theme}`);
    const reports = await inspectCharts(page);
    expect(reports.map((r) => r.id)).toEqual(expect.arrayContaining(want));
    for (const r of reports.filter((c) => want.includes(c.id))) {
      expect(r.yTicks, r.id).toBeGreaterThan(1);
      expect(r.clipped, r.id).toEqual([]);
      expect(r.repeatedX, r.id).toEqual([]);
      if (r.series >= 2) {
        expect(r.legendVisible, r.id).toBe(true);
        expect(r.legendItems, r.id).toBe(r.series);
      } else expect(r.legendItems, r.id).toBe(0);
    }
  }
  await page.evaluate(() => (document.documentElement.dataset.theme = "light"));
}

describe("charts while the pipeline runs", () => {
  it("starts everything", async () => {
    await page.goto(app.url);
    await page.getByTestId("start-all").click();
    for (const name of ["producer-A", "producer-C", "producer-D", "strategy", "join", "aggregate"]) {
      await page.locator(`[data-testid="node-${name}"][data-status="running"]`).waitFor({ timeout: 120_000 });
    }
  });

  it("topics: rate and values (one series, no legend), lag per partition (a legend), no y label clipped", async () => {
    await page.goto(`${app.url}/topics?topic=A_input`);
    await checkPage("topics", ["rate-chart", "value-chart"]);
    const lag = page.locator('figure[data-testid^="lag-chart-"][data-series="3"]').first();
    await lag.waitFor({ timeout: 60_000 });
    await expect(lag.getByTestId("chart-legend-item").allTextContents()).resolves.toEqual(["partition 0", "partition 1", "partition 2"]);
  });

  it("the axis' width estimate is at least the real width of long labels in the chart font", async () => {
    const labels = ["18000", "123.5k", "-888.8k", "20k", "0.15", "9999"];
    const real = await measureTicks(page, labels);
    labels.forEach((l, i) => expect(real[i], l).toBeLessThanOrEqual(labelWidth(l)));
  });

  it("join: the state chart's C and D lines have a legend", async () => {
    await page.goto(`${app.url}/join`);
    await page.getByTestId("join-dot-C").first().waitFor({ timeout: 90_000 });
    await checkPage("join", ["join-state-chart", "join-matches-chart"]);
    const legend = page.getByTestId("join-state-chart").getByTestId("chart-legend-item");
    await expect(legend.allTextContents()).resolves.toEqual(["C buffered", "D buffered"]);
    // Series names and axis titles follow the language.
    await page.getByTestId("lang-switch").selectOption("zh-TW");
    await expect.poll(() => legend.allTextContents()).toEqual(["C 暫存", "D 暫存"]);
    await expect(page.getByTestId("join-state-chart").getByTestId("chart-y-title").textContent()).resolves.toBe("紀錄數");
    await screenshot(page, "60-charts-join-zh-TW");
    await page.getByTestId("lang-switch").selectOption("en");
  });

  it("experiments: the scale chart's lag and results/s have a legend", async () => {
    await page.goto(`${app.url}/experiments`);
    await checkPage("experiments", ["scale-lag-chart", "chaos-lag-chart"]);
  });

  it("learn: the transform lesson's chart of f(value)", async () => {
    await page.goto(`${app.url}/learn`);
    await page.getByTestId("lesson-item-transform").click();
    await checkPage("learn-transform", ["transform-chart"]);
  });

  it("aggregate: one line per strategy, with a legend", async () => {
    await page.goto(`${app.url}/aggregate`);
    await page.locator('[data-testid="agg-chart"]:not([data-series="0"]):not([data-series="1"])').waitFor({ timeout: 120_000 });
    await checkPage("aggregate", ["agg-chart"]);
  });
});
