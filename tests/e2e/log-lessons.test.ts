import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import type { RunningApp } from "../support/app";
import { screenshot, sessionPerFile } from "./browser";
import { STEPS } from "./journey-steps";

let app: RunningApp;
let page: Page;
sessionPerFile({ width: 1280, height: 900 }, (s) => ({ app, page } = s));

/** Open a lesson in /learn, do what its text says (the journey's step), and wait for its tick. */
async function complete(id: string) {
  await page.getByTestId(`lesson-item-${id}`).click();
  await page.locator(`[data-testid="lesson-panel"][data-lesson="${id}"]`).waitFor();
  const step = STEPS.find((s) => s.id === id)!;
  await step.act({ page, live: page.getByTestId("lesson-live") });
  await page.locator(`[data-testid="lesson-item-${id}"][data-done="true"]`).waitFor({ timeout: 90_000 });
  await screenshot(page, `log-lesson-${id}`);
}

describe("the log page's lessons, each from its action", () => {
  it("transactions: held open, the last stable offset stuck, aborted and skipped by read_committed", async () => {
    await page.goto(`${app.url}/learn`);
    await complete("transactions");
  });
  it("compaction: one record per key, a deleted user gone after its tombstone's delay", async () => {
    await complete("compaction");
  });
  it("segments: retention moves the log start past the slow reader, which loses records when resumed", async () => {
    await complete("segments");
  });
  it("the log page on a phone", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/log`);
    // The app reads the test broker as an external cluster: offsets, no segment files.
    await page.locator('[data-testid="log-storage"][data-running="true"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="log-reader-read_uncommitted"]:not([data-demo="0"])').waitFor({ timeout: 30_000 });
    await screenshot(page, "log-page-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "log-page-desktop");
  });
});
