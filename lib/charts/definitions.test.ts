import { describe, expect, it } from "vitest";
import { dictionaries, LANGS, translate } from "@/lib/i18n";
import { charts, curveOf, frameConfig, type ChartDef, type SeriesDef } from "./definitions";
import { CHART_COLORS } from "./palette";

const series = (n: number): SeriesDef[] =>
  Array.from({ length: n }, (_, i) => ({ key: `s${i}`, name: { key: "chart.series.value" }, color: "var(--chart-1)", kind: "count" }));
const def = (n: number): ChartDef => ({
  id: "x",
  title: { key: "topics.rate" },
  x: { key: "chart.time" },
  y: { key: "chart.axis.records" },
  series: series(n),
});

describe("frameConfig", () => {
  it("shows a legend exactly when there are two or more series", () => {
    expect(frameConfig(def(0)).legend).toBe(false);
    expect(frameConfig(def(1)).legend).toBe(false);
    expect(frameConfig(def(2)).legend).toBe(true);
    expect(frameConfig(def(6)).legend).toBe(true);
  });
  it("gives whole y ticks only when every series is a count", () => {
    expect(frameConfig(charts.joinState()).wholeTicks).toBe(true);
    expect(frameConfig(charts.scaleLag()).wholeTicks).toBe(false);
    expect(frameConfig(charts.topicRate("A_input")).wholeTicks).toBe(false);
  });
  it("draws counts as steps and rates and values as straight segments, never smoothed", () => {
    expect(curveOf("count")).toBe("stepAfter");
    expect(curveOf("rate")).toBe("linear");
    expect(curveOf("value")).toBe("linear");
  });
});

// Every chart of the app, built the way its component builds it; a new chart without a line here fails below.
const SAMPLES: Record<keyof typeof charts, ChartDef[]> = {
  topicRate: [charts.topicRate("A_input"), charts.topicRate("aggregates")],
  topicValues: [charts.topicValues("C_output")],
  groupLag: [charts.groupLag("lab-strategy", [0]), charts.groupLag("lab-join", [0, 1, 2]), charts.groupLag("g", [0, 1, 2, 3, 4, 5])],
  joinState: [charts.joinState()],
  joinMatches: [charts.joinMatches()],
  chaosLag: [charts.chaosLag()],
  scaleLag: [charts.scaleLag()],
  aggAverages: [charts.aggAverages(["A"]), charts.aggAverages(["A", "B", "C", "D"])],
  genderCounts: [charts.genderCounts()],
  transform: [charts.transform()],
};
const all = Object.values(SAMPLES).flat();

describe("the app's chart definitions", () => {
  it("are all sampled here", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(charts).sort());
  });
  it("the ones the tester found without a legend (join state, scale lag, multi-partition lag, strategies) now get one", () => {
    for (const d of [charts.joinState(), charts.scaleLag(), charts.groupLag("g", [0, 1, 2]), charts.aggAverages(["A", "B"])]) {
      expect(frameConfig(d).legend, d.id).toBe(true);
    }
  });
  it.each(all.map((d) => [`${d.id} (${d.series.length} series)`, d] as const))("%s: a legend iff two or more series, names translated and distinct", (_, d) => {
    expect(frameConfig(d).legend).toBe(d.series.length >= 2);
    for (const lang of LANGS) {
      const dict = dictionaries[lang];
      for (const label of [d.title, d.x, d.y, ...d.series.map((s) => s.name)]) expect(dict[label.key], `${lang} ${label.key}`).toBeTruthy();
      const names = d.series.map((s) => translate(lang, s.name.key, s.name.params));
      // A legend only helps if its entries can be told apart.
      expect(new Set(names).size, `${lang} ${names.join()}`).toBe(names.length);
      for (const n of names) expect(n).not.toMatch(/\{\w+\}/);
    }
  });
  it.each(all.map((d) => [d.id, d] as const))("%s: colours from the checked chart palette, one per series", (_, d) => {
    const allowed = CHART_COLORS.map((v) => `var(${v})`);
    for (const s of d.series) expect(allowed).toContain(s.color);
    expect(new Set(d.series.map((s) => s.color)).size).toBe(d.series.length);
  });
});
