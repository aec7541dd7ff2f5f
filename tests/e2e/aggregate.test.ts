import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { RunningApp } from "../support/app";
import { screenshot, sessionPerFile } from "./browser";

let app: RunningApp;
let page: Page;
sessionPerFile({ width: 1400, height: 1000 }, (s) => ({ app, page } = s));

const status = (name: string, s: string) => page.locator(`[data-testid="node-${name}"][data-status="${s}"]`);

async function ensure(name: string, want: "running" | "stopped") {
  await page.locator(`[data-testid="node-${name}"][data-known="true"]`).waitFor({ timeout: 30_000 });
  if ((await status(name, want).count()) > 0) return;
  await page.getByTestId(`${want === "running" ? "start" : "stop"}-${name}`).click();
  await status(name, want).waitFor({ timeout: 90_000 });
}

/** Types the settings, retyping while the live state replaces them, until apply is possible. */
async function setFields(fields: Record<string, string>, mode: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    for (const [name, value] of Object.entries(fields)) await page.getByTestId(`agg-${name}`).fill(value);
    await page.getByTestId(`agg-mode-${mode}`).check();
    const typed = await Promise.all(Object.keys(fields).map((n) => page.getByTestId(`agg-${n}`).inputValue()));
    if (typed.join() === Object.values(fields).join() && (await page.getByTestId("agg-apply").isEnabled())) return;
    if (Date.now() > deadline) throw new Error("the aggregation settings could not be typed");
    await page.waitForTimeout(250);
  }
}

describe("windowed aggregation page", () => {
  it("shows update rows, then append rows after switching the mode (with a restart)", async () => {
    await page.goto(`${app.url}/aggregate`);
    await page.getByTestId("nav-aggregate").waitFor();
    await page.getByTestId("agg-waiting").waitFor();

    // Invalid: a slide larger than the window is refused before sending.
    await page.getByTestId("agg-aggWindowMs").fill("2");
    await page.getByTestId("agg-aggSlideMs").fill("3");
    await page.getByTestId("agg-error-aggSlideMs").waitFor();
    await expect(page.getByTestId("agg-apply").isDisabled()).resolves.toBe(true);

    await setFields({ aggWindowMs: "2", aggSlideMs: "2", aggWatermarkDelayMs: "1" }, "update");
    await page.getByTestId("agg-apply").click();
    await page.getByTestId("agg-applied").waitFor({ timeout: 30_000 });

    await ensure("producer-A", "running");
    await ensure("strategy", "running");
    await ensure("aggregate", "running");
    await page.locator('[data-testid="agg-emission"][data-mode="update"][data-strategy="A"]').first().waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="agg-chart"]:not([data-points="0"])').waitFor({ timeout: 30_000 });
    await screenshot(page, "30-aggregate-update");

    await setFields({ aggWindowMs: "2", aggSlideMs: "2", aggWatermarkDelayMs: "1" }, "append");
    await page.getByTestId("agg-apply").click();
    await page.getByTestId("agg-applied").waitFor({ timeout: 120_000 });
    await status("aggregate", "running").waitFor({ timeout: 90_000 });
    // The header shows what the restarted aggregation runs with, once it reported it.
    await page.locator('[data-testid="agg-running"][data-pending="false"]').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("agg-running").textContent()).resolves.toMatch(/running with .*append/);
    const appended = page.locator('[data-testid="agg-emission"][data-mode="append"][data-strategy="A"]').first();
    await appended.waitFor({ timeout: 120_000 });
    // Append emits a window once, when it is final: one row per window per emission here.
    const rows = await appended.getByTestId("agg-row").count();
    expect(rows).toBeGreaterThanOrEqual(1);
    await page.locator('[data-testid="agg-modes-seen"][data-modes="append,update"]').waitFor({ timeout: 10_000 });
    await page.getByTestId("agg-emission").first().scrollIntoViewIfNeeded();
    await screenshot(page, "31-aggregate-append");
  });

  it("the lesson completes only on what is done in it (rows of two modes after switching the mode there), in Traditional Chinese too", async () => {
    // A client-side navigation: the page has seen rows of two modes already, and everything runs.
    await page.getByTestId("nav-learn").click();
    await page.getByTestId("lesson-reset").click();
    await page.locator('[data-testid="lesson-item-broker"][data-done="true"]').waitFor({ timeout: 30_000 });
    await page.getByTestId("lesson-item-aggregate").click();
    // The live table beside it subscribes again: the tail re-reads the newest rows (append, the mode in force).
    await page.getByTestId("lesson-live").locator('[data-testid="agg-emission"][data-mode="append"]').first().waitFor({ timeout: 60_000 });
    // What the page saw before the lesson was opened counts for nothing: only the broker lesson is done.
    expect(await page.locator('[data-testid^="lesson-item-"][data-done="true"]').count()).toBe(1);
    await expect(page.getByTestId("lesson-action").getAttribute("data-done")).resolves.toBe("false");

    await setFields({ aggWindowMs: "2", aggSlideMs: "2", aggWatermarkDelayMs: "1" }, "update");
    await page.getByTestId("agg-apply").click();
    await page.getByTestId("agg-applied").waitFor({ timeout: 120_000 });
    await page.getByTestId("lesson-live").locator('[data-testid="agg-emission"][data-mode="update"]').first().waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="lesson-action"][data-done="true"]').waitFor({ timeout: 30_000 });
    await page.getByTestId("lang-switch").selectOption("zh-TW");
    await expect(page.getByTestId("lesson-title").textContent()).resolves.toContain("視窗聚合");
    await screenshot(page, "32-learn-aggregate-zh-TW");
    await page.getByTestId("lang-switch").selectOption("en");
  });

  it("the diagram shows the aggregation's edges and the aggregates topic", async () => {
    await page.goto(`${app.url}/`);
    await page.getByTestId("pipeline-diagram").waitFor();
    await page.getByTestId("pipeline-diagram").getByTestId("topic-aggregates").waitFor();
    await screenshot(page, "33-pipeline-with-aggregate");
    await page.getByTestId("stop-all").click();
  });
});
