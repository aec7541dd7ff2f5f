import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { RunningApp } from "../support/app";
import { screenshot, sessionPerFile } from "./browser";

let app: RunningApp;
let page: Page;
sessionPerFile({ width: 1280, height: 800 }, (s) => ({ app, page } = s));

const rowsIn = (topic: string) => page.locator(`[data-testid="topic-viewer"][data-topic="${topic}"] [data-testid="record-row"]`);

describe("the learning dashboard", () => {
  it("shows the broker connected, with its address and topics", async () => {
    await page.goto(app.url);
    await page.getByTestId("broker-status").and(page.locator("text=Connected")).waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("broker-mode").textContent()).resolves.toMatch(/embedded|external/);
    await expect(page.getByTestId("broker-bootstrap").textContent()).resolves.toMatch(/:\d+/);
    await screenshot(page, "01-pipeline-idle");
  });

  it("starts the pipeline from the UI and every node reports running", async () => {
    await page.getByTestId("start-all").click();
    for (const name of ["producer-A", "producer-D", "strategy", "join"]) {
      await page.locator(`[data-testid="node-${name}"][data-status="running"]`).waitFor({ timeout: 90_000 });
    }
    // The test broker is shared: other apps' topics are listed too, so look for this app's own.
    await page.getByTestId("broker-topics").getByText(`${app.topicPrefix}D_input_ready`, { exact: true }).waitFor({ timeout: 30_000 });
    await screenshot(page, "02-pipeline-running");
  });

  it("shows records arriving in A_input and A_output, newest on top", async () => {
    await page.getByTestId("topic-A_input").click();
    await page.waitForURL(/\/topics\?topic=A_input/);
    await rowsIn("A_input").nth(2).waitFor({ timeout: 60_000 });
    const offsets = await rowsIn("A_input").locator("td:nth-child(2)").allTextContents();
    expect(offsets.length).toBeGreaterThanOrEqual(3);
    await page.locator('[data-testid="end-offsets"]').waitFor();
    await screenshot(page, "03-topic-A_input");

    await page.getByTestId("topic-select").selectOption("A_output");
    await page.waitForURL(/\/topics\?topic=A_output/);
    await rowsIn("A_output").first().waitFor({ timeout: 60_000 });
    await expect(rowsIn("A_output").first().textContent()).resolves.toContain('"result"');
  });

  it("pauses and resumes the table", async () => {
    await page.getByTestId("tail-pause").click();
    await page.getByTestId("tail-missed").waitFor();
    await page.getByTestId("tail-pause").click();
    await expect(page.getByTestId("tail-missed").count()).resolves.toBe(0);
  });

  it("estimates the pairs per second the join must write from the settings being typed, and warns when that is too many", async () => {
    await page.goto(`${app.url}/`);
    const hint = page.getByTestId("join-load");
    const type = async (rate: string) => {
      await page.getByTestId("setting-ratePerSecond").fill(rate);
      await page.getByTestId("setting-keys").fill("10");
      await page.getByTestId("setting-joinWindowMs").fill("5");
      return hint.textContent();
    };
    // 2² × 2 × 5 s ÷ 10 keys = 4 pairs/s; 500² × 2 × 5 ÷ 10 = 250,000 pairs/s.
    await expect.poll(() => type("2"), { timeout: 30_000 }).toContain(" 4 pairs/s");
    await expect(hint.getAttribute("data-high")).resolves.toBe("false");
    await expect.poll(() => type("500"), { timeout: 30_000 }).toContain("250,000 pairs/s");
    await expect(hint.getAttribute("data-high")).resolves.toBe("true");
    await screenshot(page, "03b-join-load");
  });

  it("types a preset into the form, with a line saying what it changes; Apply is still the learner's", async () => {
    await page.goto(`${app.url}/`);
    await page.locator('[data-testid="preset-note"][data-preset="learn"]').waitFor({ timeout: 30_000 });
    // Click again if the page was not yet live (hydrated) or the live state replaced the draft.
    await expect
      .poll(
        async () => {
          await page.getByTestId("preset-seed").click();
          return page.getByTestId("setting-joinWindowMs").inputValue();
        },
        { timeout: 30_000 },
      )
      .toBe("300");
    await expect(page.getByTestId("setting-watermarkDelayMs").inputValue()).resolves.toBe("1800");
    await expect(page.getByTestId("preset-note").textContent()).resolves.toContain("nothing is evicted for about 35 min");
    await expect(page.getByTestId("settings-apply").isEnabled()).resolves.toBe(true);
    await screenshot(page, "03c-preset-seed");
    await page.getByTestId("preset-learn").click();
    await expect(page.getByTestId("setting-joinWindowMs").inputValue()).resolves.toBe("10");
    await expect(page.getByTestId("settings-apply").isEnabled()).resolves.toBe(false);
  });

  it("shows join matches after a shorter window is set", async () => {
    await page.goto(`${app.url}/`);
    // The form fills itself from the live pipeline state; type again if that state replaced the typing.
    await expect
      .poll(
        async () => {
          await page.getByTestId("setting-joinWindowMs").fill("5");
          return page.getByTestId("settings-apply").isEnabled();
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.getByTestId("settings-apply").click();
    await page.getByTestId("settings-saved").waitFor({ timeout: 15_000 });
    await page.getByTestId("nav-join").click();
    await page.getByTestId("join-link").first().waitFor({ timeout: 90_000 });
    // Dispatched on the element itself: the timeline scrolls left as records arrive, so a click at a
    // dot's position a frame later can miss it (or hit the watermark line, which is on screen now).
    await page.getByTestId("join-dot-C").last().dispatchEvent("click");
    await page.getByTestId("join-dot-D").last().dispatchEvent("click");
    await expect(page.getByTestId("pair-explainer").getAttribute("data-verdict")).resolves.not.toBe("none");
    await screenshot(page, "04-join");
  });

  it("stops the pipeline", async () => {
    await page.goto(`${app.url}/`);
    await page.getByTestId("stop-all").click();
    for (const name of ["producer-A", "strategy", "join"]) {
      await page.locator(`[data-testid="node-${name}"][data-status="stopped"]`).waitFor({ timeout: 60_000 });
    }
  });

  it("switches to Traditional Chinese, remembers it, and completes lessons by doing", async () => {
    await page.goto(`${app.url}/learn`);
    await page.getByTestId("lesson-reset").click();
    await page.getByTestId("lang-switch").selectOption("zh-TW");
    await expect(page.getByTestId("lesson-title").textContent()).resolves.toContain("Broker 與 KRaft");
    await page.reload();
    await expect(page.getByTestId("lesson-title").textContent()).resolves.toContain("Broker 與 KRaft");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-TW");

    await page.locator('[data-testid="lesson-item-broker"][data-done="true"]').waitFor({ timeout: 30_000 });
    await page.getByTestId("lesson-next").click();
    await page.locator('[data-testid="lesson-panel"][data-lesson="topic"]').waitFor();
    await page.getByTestId("start-producer-A").click();
    await page.locator('[data-testid="lesson-item-topic"][data-done="true"]').waitFor({ timeout: 60_000 });
    await screenshot(page, "05-learn-zh-TW");

    await page.reload();
    await page.locator('[data-testid="lesson-item-topic"][data-done="true"]').waitFor({ timeout: 15_000 });
    await page
      .getByTestId("stop-producer-A")
      .click()
      .catch(() => undefined);
    await page.getByTestId("lang-switch").selectOption("en");
  });

  it("has a dark theme", async () => {
    await page.goto(`${app.url}/topics?topic=A_input`);
    await page.getByTestId("theme-toggle").click();
    const theme = await page.locator("html").getAttribute("data-theme");
    expect(["light", "dark"]).toContain(theme);
    if (theme !== "dark") await page.getByTestId("theme-toggle").click();
    await expect(page.locator("html").getAttribute("data-theme")).resolves.toBe("dark");
    await screenshot(page, "06-topics-dark");
  });
});
