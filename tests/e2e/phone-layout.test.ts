import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { COMPONENT_NAMES } from "@/lib/contract/api";
import { openSession, screenshot, type BrowserSession } from "./browser";
import { insideWidth, layoutProblems } from "./layout-probe";

/** Issue 14: the lab on a phone. Every page, in English and Traditional Chinese, with the pipeline running. */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const PAGES = [
  { name: "pipeline", path: "/", ready: "pipeline-diagram" },
  { name: "topics", path: "/topics", ready: "topic-viewer" },
  { name: "join", path: "/join", ready: "join-view" },
  { name: "aggregate", path: "/aggregate", ready: "aggregate-view" },
  { name: "experiments", path: "/experiments", ready: "experiments" },
  { name: "log", path: "/log", ready: "log-lab" },
  { name: "datasets", path: "/datasets", ready: "datasets" },
  { name: "cluster", path: "/cluster", ready: "cluster-view" },
  { name: "exercises", path: "/exercises", ready: "exercises" },
  { name: "learn", path: "/learn", ready: "tutorial" },
] as const;

/** One exercise page (not in the menu): the editor beside the API reference on a desktop, stacked on a phone. */
const EXERCISE = { name: "exercise", path: "/exercises/filter-map", ready: "code-editor" } as const;

let session: BrowserSession;
let page: Page;
let url: string;

beforeAll(async () => {
  session = await openSession(PHONE);
  ({ page } = session);
  url = session.app.url;
});

afterAll(() => session?.close());

const menuButton = () => page.getByTestId("nav-menu-button");
const menuLink = (name: string) => page.getByTestId("nav-menu").getByTestId(`nav-${name}`);

/** Waits until the page shows the running pipeline's numbers, which are wider than an idle node's. */
async function settle(p: Page, ready: string): Promise<void> {
  await p.getByTestId(ready).waitFor({ timeout: 30_000 });
  const rate = p.locator('[data-testid^="rate-"]');
  if ((await rate.count()) > 0) await expect.poll(() => rate.first().textContent(), { timeout: 30_000 }).toMatch(/[1-9]/);
  // Charts and the join timeline draw after they measure their width.
  await p.waitForTimeout(1_500);
}

async function openMenu(): Promise<void> {
  await expect(menuButton().getAttribute("aria-expanded")).resolves.toBe("false");
  await menuButton().click();
  await expect(menuButton().getAttribute("aria-expanded")).resolves.toBe("true");
}

describe("the lab on a phone (390×844)", () => {
  it("starts the whole pipeline from the phone", async () => {
    await page.goto(url);
    await page.getByTestId("broker-status").and(page.locator("text=Connected")).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="node-producer-A"][data-known="true"]').waitFor({ timeout: 30_000 });
    // Idle first: stopped badges and zero rates are laid out too.
    expect(await layoutProblems(page), "idle pipeline").toEqual([]);
    await screenshot(page, "phone-pipeline-idle-en");
    await expect(insideWidth(page, '[data-testid="start-all"]')).resolves.toBe(true);
    await page.getByTestId("start-all").click();
    for (const name of COMPONENT_NAMES) {
      await page.locator(`[data-testid="node-${name}"][data-status="running"]`).waitFor({ timeout: 90_000 });
    }
  });

  it("opens the menu with the keyboard and closes it with Escape", async () => {
    await menuButton().focus();
    await page.keyboard.press("Enter");
    await expect(menuButton().getAttribute("aria-expanded")).resolves.toBe("true");
    await expect(menuButton().getAttribute("aria-controls")).resolves.toBe(await page.getByTestId("nav-menu").getAttribute("id"));
    // Tab from the button goes into the menu, to its first link.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("nav-pipeline");
    await page.keyboard.press("Escape");
    await expect(menuButton().getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(page.getByTestId("nav-menu").isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("nav-menu-button");
  });

  for (const lang of ["en", "zh-TW"] as const) {
    it(`every page in ${lang} fits the phone's width, and the menu reaches every page and closes on the way`, async () => {
      await page.goto(url);
      await openMenu();
      // The language switch and the theme toggle live in the menu on a phone.
      await expect(insideWidth(page, '[data-testid="theme-toggle"]')).resolves.toBe(true);
      await page.getByTestId("lang-switch").selectOption(lang);
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(lang);
      await menuButton().click();
      await expect(menuButton().getAttribute("aria-expanded")).resolves.toBe("false");

      for (const [i, p] of PAGES.entries()) {
        await settle(page, p.ready);
        expect(new URL(page.url()).pathname).toBe(p.path);
        await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(lang);
        await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
        expect(await layoutProblems(page), `${p.name} in ${lang}`).toEqual([]);
        await screenshot(page, `phone-${p.name}-${lang}`);

        await openMenu();
        if (i === 0) await screenshot(page, `phone-menu-${lang}`);
        for (const q of PAGES) await expect(insideWidth(page, `[data-testid="nav-menu"] [data-testid="nav-${q.name}"]`)).resolves.toBe(true);
        const next = PAGES[(i + 1) % PAGES.length]!;
        await menuLink(next.name).click();
        await page.waitForURL((u) => u.pathname === next.path);
        await expect.poll(() => menuButton().getAttribute("aria-expanded")).toBe("false");
        await expect(page.getByTestId("nav-menu").isVisible()).resolves.toBe(false);
      }
    });
  }

  it("fits the pipeline and the experiments in zh-CN too (node titles, badges, rates)", async () => {
    await page.context().addCookies([{ name: "lang", value: "zh-CN", url }]);
    for (const p of PAGES.filter((q) => q.name === "pipeline" || q.name === "experiments")) {
      await page.goto(`${url}${p.path}`);
      await settle(page, p.ready);
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("zh-CN");
      expect(await layoutProblems(page), `${p.name} in zh-CN`).toEqual([]);
      await screenshot(page, `phone-${p.name}-zh-CN`);
    }
  });

  it("fits an exercise page (editor, verdict, API reference, hints) in English and Traditional Chinese", async () => {
    for (const lang of ["en", "zh-TW"] as const) {
      await page.context().addCookies([{ name: "lang", value: lang, url }]);
      await page.goto(`${url}/exercises/filter-map`);
      await settle(page, "code-editor");
      await page.getByTestId("next-hint").click();
      expect(await layoutProblems(page), `exercise in ${lang}`).toEqual([]);
      await screenshot(page, `phone-exercise-${lang}`);
    }
  });

  it("keeps the desktop layout (1280 and 1024 wide): nav in the header, no menu button, nothing spilling", async () => {
    const browser = page.context().browser();
    if (!browser) throw new Error("no browser");
    const desk = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    try {
      for (const lang of ["en", "zh-TW"] as const) {
        await desk.context().addCookies([{ name: "lang", value: lang, url }]);
        // Every page in English; in Chinese the pages with pipeline nodes, whose text is what differs most.
        for (const p of [...PAGES, ...(lang === "en" ? [EXERCISE] : [])].filter((q) => lang === "en" || q.name === "pipeline" || q.name === "experiments")) {
          await desk.goto(`${url}${p.path}`);
          await settle(desk, p.ready);
          await expect(desk.getByTestId("nav-menu-button").isVisible()).resolves.toBe(false);
          for (const q of PAGES) await expect(desk.getByTestId(`nav-${q.name}`).isVisible()).resolves.toBe(true);
          expect(await layoutProblems(desk), `${p.name} in ${lang} at 1280`).toEqual([]);
          await screenshot(desk, `desktop-${p.name}-${lang}`);
        }
      }
      // The narrowest width with the full header bar (lg): it must fit there too.
      await desk.setViewportSize({ width: 1024, height: 800 });
      await desk.goto(url);
      await settle(desk, "pipeline-diagram");
      expect(await layoutProblems(desk), "pipeline at 1024").toEqual([]);
      await screenshot(desk, "desktop-pipeline-1024-zh-TW");
    } finally {
      await desk.context().close();
    }
  });
});
