import { describe, expect, it } from "vitest";
import { dictionaries, formatDuration, LANGS, pickLang, translate } from "./index";
import { en } from "./en";
import { LESSONS, lessonKeys } from "@/lib/lessons";

describe("dictionaries", () => {
  it("every language has every key, non-empty, with the same placeholders", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const lang of LANGS) {
      const dict = dictionaries[lang];
      expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(dict)) {
        expect(text.trim(), `${lang} ${key}`).not.toBe("");
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });
  it("has three languages", () => {
    expect([...LANGS]).toEqual(["en", "zh-TW", "zh-CN"]);
  });
  it.each(["zh-TW", "zh-CN"] as const)("%s is really translated, not copied", (lang) => {
    const same = Object.keys(en).filter((k) => dictionaries[lang][k as keyof typeof en] === en[k as keyof typeof en]);
    expect(same.length / Object.keys(en).length).toBeLessThan(0.15);
  });
  it("zh-CN is Simplified, not a copy of zh-TW", () => {
    const text = Object.values(dictionaries["zh-CN"]).join("");
    // Common Traditional-only characters must not appear in the Simplified dictionary.
    expect(text).not.toMatch(/[們這個來時實際與處關區資訊執體點話開]/);
    const same = Object.keys(en).filter(
      (k) =>
        /[\u4e00-\u9fff]/.test(en[k as keyof typeof en] + dictionaries["zh-CN"][k as keyof typeof en]) &&
        dictionaries["zh-CN"][k as keyof typeof en] === dictionaries["zh-TW"][k as keyof typeof en],
    );
    expect(same.length / Object.keys(en).length).toBeLessThan(0.15);
  });
});

describe("lesson text", () => {
  it("every lesson has a title, at least one paragraph and an action in every language, and a seed note in all or none", () => {
    for (const { id } of LESSONS) {
      const keys = lessonKeys(id);
      expect(keys, id).toContain(`lesson.${id}.title`);
      expect(keys, id).toContain(`lesson.${id}.body.1`);
      expect(keys, id).toContain(`lesson.${id}.action`);
      for (const lang of LANGS) for (const key of keys) expect(dictionaries[lang][key]?.trim(), `${lang} ${key}`).toBeTruthy();
    }
  });
  it("has no lesson key that no lesson uses (a renamed lesson leaves none behind)", () => {
    const used = new Set(LESSONS.flatMap((l) => lessonKeys(l.id)));
    expect(Object.keys(en).filter((k) => k.startsWith("lesson.") && !used.has(k as keyof typeof en))).toEqual([]);
  });
});

describe("translate", () => {
  it("fills placeholders and leaves unknown ones", () => {
    expect(translate("en", "broker.topics", { count: 3 })).toBe("Topics (3)");
    expect(translate("zh-TW", "broker.topics", { count: 3 })).toBe("主題（3）");
    expect(translate("zh-CN", "broker.topics", { count: 3 })).toBe("主题（3）");
    expect(translate("en", "broker.topics")).toBe("Topics ({count})");
  });
});

describe("pickLang", () => {
  it("prefers the saved choice, then the browser", () => {
    expect(pickLang("zh-TW", "en")).toBe("zh-TW");
    expect(pickLang(undefined, "zh-TW,zh;q=0.9")).toBe("zh-TW");
    expect(pickLang("fr", "en-US")).toBe("en");
    expect(pickLang(null, null)).toBe("en");
    expect(pickLang(undefined, "zh-CN,zh;q=0.9")).toBe("zh-CN");
    expect(pickLang(undefined, "zh-Hans")).toBe("zh-CN");
    expect(pickLang(undefined, "zh-HK")).toBe("zh-TW");
    expect(pickLang("zh-CN", "en")).toBe("zh-CN");
  });
});

describe("formatDuration", () => {
  it("picks a readable unit", () => {
    expect(formatDuration("en", 300_000)).toBe("5 min");
    expect(formatDuration("en", 1_800_000)).toBe("30 min");
    expect(formatDuration("en", 1500)).toBe("1.5 s");
    expect(formatDuration("zh-TW", 250)).toBe("250 毫秒");
    expect(formatDuration("en", 7_200_000)).toBe("2 h");
    expect(formatDuration("zh-CN", 180_000)).toBe("3 分钟");
  });
});
