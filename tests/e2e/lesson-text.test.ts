import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { en } from "@/lib/i18n/en";
import { zhCN } from "@/lib/i18n/zh-CN";
import { zhTW } from "@/lib/i18n/zh-TW";
import { openSession, screenshot, type BrowserSession } from "./browser";

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await openSession({ width: 1280, height: 900 });
  ({ page } = session);
});

afterAll(() => session?.close());

const text = (id: string) => page.getByTestId(id).textContent();

describe("lesson text comes from the dictionaries", () => {
  it("shows the offset lesson in each language with the glossary's term, and its list entry too", async () => {
    await page.goto(`${session.app.url}/learn`);
    await page.getByTestId("lesson-item-offset").click();
    await page.locator('[data-testid="lesson-panel"][data-lesson="offset"]').waitFor();
    await expect(text("lesson-title")).resolves.toBe(en["lesson.offset.title"]);
    await expect(text("lesson-action")).resolves.toContain(en["lesson.offset.action"]);

    for (const [lang, dict] of [
      ["zh-TW", zhTW],
      ["zh-CN", zhCN],
    ] as const) {
      await page.getByTestId("lang-switch").selectOption(lang);
      await expect(text("lesson-title")).resolves.toBe(dict["lesson.offset.title"]);
      await expect(text("lesson-item-offset")).resolves.toContain(dict["lesson.offset.title"]);
      // The old mixes: English "offset" in running text, 位移 in zh-CN.
      const panel = (await text("lesson-panel")) ?? "";
      expect(panel).toContain("偏移量");
      expect(panel).not.toMatch(/位移|各分[區区]的幾個 offset|几个 offset/);
      await screenshot(page, `lesson-offset-${lang}`);
    }
    await page.getByTestId("lang-switch").selectOption("en");
  });
});
