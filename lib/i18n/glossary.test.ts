import { describe, expect, it } from "vitest";
import { LESSONS, lessonText } from "@/lib/lessons";
import { GLOSSARY, term, type ConceptId } from "./glossary";
import { describeViolation, findVariants } from "./glossary-check";
import { dictionaries, LANGS, type Lang, type MessageKey } from "./index";

const concepts = Object.keys(GLOSSARY) as ConceptId[];

/** Every text a learner can read in one language: the UI dictionaries and each lesson as rendered. */
function allTexts(lang: Lang): Record<string, string> {
  const texts: Record<string, string> = { ...dictionaries[lang] };
  for (const l of LESSONS) {
    const t = lessonText(l, lang);
    [t.title, ...t.body, t.action, t.seed ?? ""].forEach((s, i) => (texts[`${l.id} (rendered, part ${i})`] = s));
  }
  return texts;
}

describe("glossary", () => {
  it("has one non-empty term per concept in every language", () => {
    for (const id of concepts) for (const lang of LANGS) expect(term(lang, id).trim(), `${id} ${lang}`).not.toBe("");
  });
  it("never avoids one concept's own term for another concept", () => {
    for (const lang of LANGS) {
      const terms = Object.fromEntries(concepts.map((id) => [`term of ${id}`, term(lang, id)]));
      expect(findVariants(lang, terms).map((v) => describeViolation(lang, v))).toEqual([]);
    }
  });
  it("chooses the terms the issue settles", () => {
    const settled: ConceptId[] = ["window", "offset", "watermark", "running"];
    expect(settled.map((id) => term("zh-TW", id))).toEqual(["視窗", "偏移量", "水位線", "執行中"]);
    expect(settled.map((id) => term("zh-CN", id))).toEqual(["窗口", "偏移量", "水位线", "运行中"]);
  });
});

describe("findVariants", () => {
  it("names the key and the variant it finds", () => {
    const [v] = findVariants("zh-TW", { "join.window": "窗口 ±{value}" });
    expect(v).toMatchObject({ key: "join.window", concept: "window", variant: "窗口" });
    expect(describeViolation("zh-TW", v!)).toContain('zh-TW join.window: "窗口" instead of "視窗"');
  });
  it("finds another region's words and stray English terms in each language", () => {
    const found = (lang: Lang, text: string) => findVariants(lang, { k: text }).map((v) => v.concept);
    expect(found("zh-TW", "在真實運行的管線上")).toEqual(["running"]);
    expect(found("zh-TW", "Watermark 延遲")).toEqual(["watermark"]);
    expect(found("zh-TW", "遲到的紀錄，不是延遲的紀錄")).toEqual(["lateRecord"]);
    expect(found("zh-CN", "时间视窗内，执行中")).toEqual(["window", "running"]);
    expect(found("zh-CN", "默认的预设值；种子教程预设组合")).toEqual(["default"]);
    expect(found("en", "A reader is a position in each partition")).toEqual(["offset"]);
  });
  it("leaves code names, placeholders and a term's English gloss alone", () => {
    const texts = { a: "偏移量（offset）", b: "用 `auto.offset.reset` 與 withWatermark", c: "{offset} 筆", d: "startingOffsets" };
    expect(findVariants("zh-TW", texts)).toEqual([]);
  });
});

/** UI labels that name one concept: each must use that concept's term (in any case), in every language. */
const LABELS: [MessageKey, ConceptId][] = [
  ["topics.col.partition", "partition"],
  ["topics.col.offset", "offset"],
  ["topics.col.key", "key"],
  ["topics.col.eventTime", "eventTime"],
  ["topics.lag", "lag"],
  ["topics.endOffsets", "offset"],
  ["topics.groups", "consumerGroup"],
  ["status.running", "running"],
  ["status.stopped", "stopped"],
  ["join.window", "window"],
  ["join.watermark", "watermark"],
  ["join.delay", "watermark"],
  ["settings.watermarkDelayMs", "watermark"],
  ["settings.partitions", "partition"],
  ["comp.aggregate", "aggregation"],
  ["pipeline.deadLettered", "deadLetter"],
  ["exp.lagChart", "lag"],
];

describe.each(LANGS)("%s labels", (lang) => {
  it.each(LABELS)("%s says the glossary's term for %s", (key, concept) => {
    expect(dictionaries[lang][key].toLowerCase()).toContain(term(lang, concept).toLowerCase());
  });
});

describe.each(LANGS)("every %s text uses the glossary's terms", (lang) => {
  it("no dictionary entry and no lesson uses an avoided variant", () => {
    expect(findVariants(lang, allTexts(lang)).map((v) => describeViolation(lang, v))).toEqual([]);
  });
});
