import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { RunningApp } from "../support/app";
import { openSession, screenshot, type BrowserSession } from "./browser";

let session: BrowserSession;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  session = await openSession({ width: 1280, height: 900 });
  ({ app, page } = session);
  await page.goto(app.url);
  await page.getByTestId("setting-partitions").waitFor({ timeout: 60_000 });
});

afterAll(() => session?.close());

/** The form follows the live settings until typed into; type again if that replaced the typing. */
const type = async (field: string, value: string) => {
  await expect.poll(async () => {
    await page.getByTestId(`setting-${field}`).fill(value);
    return page.getByTestId(`setting-${field}`).inputValue();
  }, { timeout: 30_000 }).toBe(value);
};

describe("the settings form's guards", () => {
  it("says before Apply that more partitions restart the pipeline and move keys, and refuses fewer", async () => {
    await type("partitions", "6");
    await expect(page.getByTestId("partitions-restart").textContent()).resolves.toMatch(/restarts the running pipeline.*keys move to other partitions/);
    await screenshot(page, "settings-partitions-grow");
    await type("partitions", "2");
    await expect(page.getByTestId("setting-error-partitions").textContent()).resolves.toMatch(/cannot remove partitions/);
    await expect(page.getByTestId("partitions-restart").count()).resolves.toBe(0);
    await type("partitions", "3");
  });

  it("asks for a load test above 2,000 records/s per producer, and accepts the rate with it", async () => {
    await type("ratePerSecond", "5000");
    await expect(page.getByTestId("setting-error-ratePerSecond").textContent()).resolves.toMatch(/Load test/);
    await expect(page.getByTestId("settings-apply").isDisabled()).resolves.toBe(true);
    await page.getByTestId("setting-loadTest").check();
    await expect(page.getByTestId("setting-error-ratePerSecond").count()).resolves.toBe(0);
    await page.getByTestId("settings-apply").click();
    await page.getByTestId("settings-saved").waitFor({ timeout: 30_000 });
    const settings = (await (await fetch(`${app.url}/api/settings`)).json()) as { ratePerSecond: number; loadTest: boolean };
    expect(settings).toMatchObject({ ratePerSecond: 5000, loadTest: true });
  });
});

describe("the backlog warning", () => {
  const put = (path: string, body?: unknown) =>
    fetch(`${app.url}${path}`, { method: body === undefined ? "POST" : "PUT", headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

  it("names the join when its lag keeps growing, and lowers the rate with one click", async () => {
    // One key and a 5-minute window: every record matches every other of the last 10 minutes, far more pairs than the join writes.
    expect((await put("/api/settings", { ratePerSecond: 200, loadTest: false, keys: 1, joinWindowMs: 300_000 })).status).toBe(200);
    try {
      for (const name of ["strategy", "join", "producer-C", "producer-D"]) expect((await put(`/api/components/${name}/start`)).status).toBe(202);
      await page.goto(app.url);
      const warning = page.locator('[data-testid="backlog-warning"] [data-worker="join"]');
      await warning.waitFor({ timeout: 150_000 });
      await expect(warning.textContent()).resolves.toMatch(/join is falling behind/);
      await screenshot(page, "backlog-warning");
      await warning.getByTestId("backlog-lower").click();
      await expect
        .poll(async () => ((await (await fetch(`${app.url}/api/settings`)).json()) as { ratePerSecond: number }).ratePerSecond, { timeout: 30_000 })
        .toBeLessThan(200);
    } finally {
      await put("/api/pipeline/stop");
    }
  });
});

