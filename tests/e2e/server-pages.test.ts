import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "@/lib/i18n";
import { openSession, screenshot, type BrowserSession } from "./browser";

let session: BrowserSession;

beforeAll(async () => {
  session = await openSession({ width: 1280, height: 800 });
});

afterAll(() => session?.close());

describe("pages whose container is a server component", () => {
  it("serves the experiments and aggregate headings in the HTML, in the language of the cookie", async () => {
    const { url } = session.app;
    for (const [path, key] of [
      ["/experiments", "exp.title"],
      ["/aggregate", "agg.title"],
      ["/log", "log.title"],
    ] as const) {
      const en = await fetch(`${url}${path}`).then((r) => r.text());
      expect(en).toContain(translate("en", key));
      const zh = await fetch(`${url}${path}`, { headers: { cookie: "lang=zh-CN" } }).then((r) => r.text());
      expect(zh).toContain(translate("zh-CN", key));
    }
  });

  it("switches their text with the language switch, without a reload", async () => {
    const { page, app } = session;
    await page.goto(`${app.url}/experiments`);
    await page.locator("h1", { hasText: translate("en", "exp.title") }).waitFor();
    await page.getByTestId("lang-switch").selectOption("zh-TW");
    await page.locator("h1", { hasText: translate("zh-TW", "exp.title") }).waitFor();
    await expect(page.getByRole("link", { name: translate("zh-TW", "exp.scale.title") }).count()).resolves.toBe(1);
    await screenshot(page, "server-pages-experiments-zh-TW");

    await page.getByRole("link", { name: translate("zh-TW", "nav.aggregate") }).click();
    await page.waitForURL(/\/aggregate/);
    await page.locator("h1", { hasText: translate("zh-TW", "agg.title") }).waitFor();
    await page.getByTestId("lang-switch").selectOption("en");
    await page.locator("h1", { hasText: translate("en", "agg.title") }).waitFor();
    await expect(page.getByTestId("agg-hint").count()).resolves.toBe(1);
  });
});
