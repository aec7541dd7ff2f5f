import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { SAMPLE_ROWS } from "@/lib/datasets/sample";
import { describeViolations, seriousViolations } from "./axe";
import { openSession, screenshot, type BrowserSession } from "./browser";
import { layoutProblems } from "./layout-probe";

/** The datasets page: replay the sample, upload a file (refused and accepted), see dead letters by line; light, dark, 390 px. */
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await openSession({ width: 1280, height: 900 });
  ({ page } = session);
  await page.emulateMedia({ reducedMotion: "reduce" });
});
afterAll(() => session?.close());

const state = () => page.getByTestId("replay-state").getAttribute("data-state");
const upload = (name: string, mimeType: string, text: string | Buffer) =>
  page.getByTestId("dataset-upload").setInputFiles({ name, mimeType, buffer: Buffer.from(text) });

describe("the datasets page", () => {
  it("replays the generated sample, every row sent", async () => {
    await page.goto(`${session.app.url}/datasets`);
    await page.getByTestId("dataset-sample-user-log").waitFor({ timeout: 30_000 });
    await expect(page.getByTestId("dataset-sample-user-log").isChecked()).resolves.toBe(true);
    await page.getByTestId("dataset-preview").waitFor();
    await expect(page.getByTestId("ds-timeKind").inputValue()).resolves.toBe("monthDay");
    // The default ×86,400 takes a second per day of the log; the test replays its six months in seconds.
    await page.getByTestId("ds-speed").fill("10000000");
    await page.getByTestId("replay-start").click();
    await expect.poll(state, { timeout: 60_000 }).toBe("done");
    await expect(page.getByTestId("replay-sent").textContent()).resolves.toBe(SAMPLE_ROWS.toLocaleString("en-US"));
    await expect(page.getByTestId("replay-dead").textContent()).resolves.toBe("0");
  });

  it("refuses an upload that is not CSV or JSON lines, saying why", async () => {
    await upload("cat.png", "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await expect(page.getByTestId("dataset-upload-error").textContent()).resolves.toMatch(/image\/png is not a dataset: upload a CSV/);
  });

  it("replays an uploaded file and lists its bad rows by line number", async () => {
    const rows = [
      "id,ts,v",
      ...Array.from({ length: 20 }, (_, i) => `k${i % 3},${1_700_000_000_000 + i * 1000},${i}`),
      "oops",
      ",1700000000000,1",
      "k1,yesterday,2",
    ];
    await upload("mine.csv", "text/csv", rows.join("\n"));
    await expect(page.getByTestId("dataset-uploaded").textContent()).resolves.toMatch(/mine\.csv/);
    await expect(page.getByTestId("ds-timeColumn").inputValue()).resolves.toBe("ts");
    await page.getByTestId("ds-paceKind").selectOption("rate");
    await page.getByTestId("ds-rate").fill("1000");
    await page.getByTestId("ds-topic").fill("mine");
    await page.getByTestId("replay-start").click();
    // The sample's replay was done too: wait for this one's.
    await expect.poll(() => page.getByTestId("replay-state").textContent(), { timeout: 60_000 }).toMatch(/→ mine$/);
    await expect.poll(state, { timeout: 60_000 }).toBe("done");
    await expect(page.getByTestId("replay-sent").textContent()).resolves.toBe("20");
    const lines = await page.getByTestId("replay-dead-row").evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("data-line"))));
    expect(lines.sort((a, b) => a - b)).toEqual([22, 23, 24]);
  });

  it.each(["light", "dark"] as const)("passes axe in %s theme, and lays out at 390 px", async (theme) => {
    await page.context().addCookies([{ name: "theme", value: theme, url: session.app.url }]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await page.getByTestId("dataset-preview").waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    expect(describeViolations(await seriousViolations(page))).toBe("");
    await screenshot(page, `datasets-desktop-${theme}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    expect(await layoutProblems(page)).toEqual([]);
    await screenshot(page, `datasets-phone-${theme}`);
  });
});
