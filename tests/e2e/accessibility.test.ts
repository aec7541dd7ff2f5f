import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page, Response } from "playwright-core";
import type { RunningApp } from "../support/app";
import { describeViolations, seriousViolations } from "./axe";
import { openSession, screenshot, type BrowserSession } from "./browser";

// Every page, in both themes and two languages, idle and with the pipeline running, must pass
// axe-core with no serious or critical violation; and no request of the tour may fail (favicon included).

const PAGES = [
  "/",
  "/topics",
  "/join",
  "/aggregate",
  "/experiments",
  "/log",
  "/datasets",
  "/cluster",
  "/exercises",
  "/exercises/filter-map",
  "/learn",
] as const;
const THEMES = ["light", "dark"] as const;
const LANGS = ["en", "zh-TW"] as const;
const matrix = (langs: readonly string[]) => PAGES.flatMap((path) => THEMES.flatMap((theme) => langs.map((lang) => ({ path, theme, lang }))));
// zh-CN only once the pipeline runs, where the pages show the most text: enough to catch a layout or contrast change of its own.
const IDLE = matrix(LANGS);
const RUNNING = matrix([...LANGS, "zh-CN"]);

let session: BrowserSession;
let app: RunningApp;
let page: Page;
const failed: string[] = [];

beforeAll(async () => {
  session = await openSession({ width: 1280, height: 900 });
  ({ app, page } = session);
  // A pulsing badge is caught at any opacity; with reduced motion the app stops the pulse, so contrast is measured as drawn at rest.
  await page.emulateMedia({ reducedMotion: "reduce" });
  page.on("response", (r: Response) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
});

afterAll(() => session?.close());

/** Opens a page with the theme and language chosen the way the app remembers them (cookies), once it has rendered its h1. */
async function open(path: string, theme: string, lang: string, ready?: string): Promise<void> {
  await page.context().addCookies([
    { name: "theme", value: theme, url: app.url },
    { name: "lang", value: lang, url: app.url },
  ]);
  await page.goto(`${app.url}${path}`);
  await page.locator('[data-testid="conn-indicator"][data-state="live"]').waitFor({ timeout: 30_000 });
  await page.locator("main h1").first().waitFor({ timeout: 30_000 });
  if (ready) await page.locator(ready).first().waitFor({ timeout: 60_000 });
  // Live data arrives in the first second; let it render before axe reads the page.
  await page.waitForTimeout(800);
  await expect(page.locator("html").getAttribute("lang")).resolves.toBe(lang);
  await expect(page.locator("html").getAttribute("data-theme")).resolves.toBe(theme);
}

async function expectAccessible(): Promise<void> {
  await expect(page.locator("h1").count()).resolves.toBe(1);
  expect(describeViolations(await seriousViolations(page))).toBe("");
}

/** With the pipeline running, wait for what each page shows only then (records, emissions), so axe checks it too. */
const RUNNING_READY: Partial<Record<(typeof PAGES)[number], string>> = {
  "/topics": '[data-testid="record-row"]',
  "/aggregate": '[data-testid="agg-emission"]',
};

describe("accessibility with the pipeline idle", () => {
  it.each(IDLE)("$path in $theme theme, $lang: no serious or critical axe violation", async ({ path, theme, lang }) => {
    await open(path, theme, lang);
    await expectAccessible();
  });
});

describe("accessibility with the pipeline running", () => {
  it("starts the pipeline from the UI", async () => {
    await open("/", "light", "en");
    await page.getByTestId("start-all").click();
    for (const name of ["producer-A", "producer-D", "strategy", "join", "aggregate"]) {
      await page.locator(`[data-testid="node-${name}"][data-status="running"]`).waitFor({ timeout: 90_000 });
    }
  });

  it.each(RUNNING)("$path in $theme theme, $lang: no serious or critical axe violation", async ({ path, theme, lang }) => {
    await open(path, theme, lang, RUNNING_READY[path]);
    await expectAccessible();
    if (theme === "dark" && lang === "en") await screenshot(page, `a11y-dark${path === "/" ? "-pipeline" : path.replaceAll("/", "-")}`);
  });
});

describe("dialogs", () => {
  it.each(THEMES)("a component's log drawer in %s theme: no serious or critical axe violation", async (theme) => {
    await open("/", theme, "en");
    await page.getByTestId("logs-producer-A").click();
    await page.getByTestId("log-drawer").waitFor();
    await page.waitForTimeout(500);
    expect(describeViolations(await seriousViolations(page))).toBe("");
    await page.keyboard.press("Escape");
  });
});

describe("the page tour", () => {
  it("serves the declared icon and /favicon.ico", async () => {
    await open("/", "light", "en");
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(href).toBeTruthy();
    for (const url of [new URL(href!, app.url).href, `${app.url}/favicon.ico`]) {
      const res = await page.request.get(url);
      expect(res.status(), url).toBe(200);
      expect(res.headers()["content-type"], url).toMatch(/^image\//);
    }
  });

  it("had no request answer 4xx or 5xx on any page, in any theme or language", () => {
    expect(failed.join("\n")).toBe("");
  });
});
