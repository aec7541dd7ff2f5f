import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { HEADLESS_CHROMIUM_ARGS } from "@/lib/chromium";
import { startApp, type AppOptions, type RunningApp } from "../support/app";

export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-results/screenshots");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...HEADLESS_CHROMIUM_ARGS],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface BrowserSession {
  app: RunningApp;
  page: Page;
  close(): Promise<void>;
}

/** For one test file: the real app (see tests/support/app.ts) and a headless Chromium page of the given size. */
export async function openSession(
  viewport: { width: number; height: number },
  env: Record<string, string> = {},
  opts: AppOptions = {},
): Promise<BrowserSession> {
  const app = await startApp(env, opts);
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const page = await (await browser.newContext({ viewport })).newPage();
    const opened = browser;
    return {
      app,
      page,
      async close() {
        await opened.close();
        await app.stop();
      },
    };
  } catch (err) {
    await browser?.close();
    await app.stop();
    throw err;
  }
}

/**
 * The usual setup of a browser test file: one app and one page, opened before its tests (then handed to
 * `use`, e.g. to keep them in the file's variables) and closed after them.
 */
export function sessionPerFile(
  viewport: { width: number; height: number },
  use: (session: BrowserSession) => unknown,
  env: Record<string, string> = {},
  opts: AppOptions = {},
): void {
  let session: BrowserSession | null = null;
  beforeAll(async () => {
    session = await openSession(viewport, env, opts);
    await use(session);
  });
  afterAll(() => session?.close());
}
