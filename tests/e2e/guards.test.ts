import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import type { RunningApp } from "../support/app";
import { screenshot, sessionPerFile } from "./browser";

let app: RunningApp;
let page: Page;
sessionPerFile({ width: 1280, height: 900 }, async (s) => {
  ({ app, page } = s);
  await page.goto(app.url);
  await page.getByTestId("setting-partitions").waitFor({ timeout: 60_000 });
});

/** The form follows the live settings until typed into; type again if that replaced the typing. */
const type = async (field: string, value: string) => {
  await expect
    .poll(
      async () => {
        await page.getByTestId(`setting-${field}`).fill(value);
        return page.getByTestId(`setting-${field}`).inputValue();
      },
      { timeout: 30_000 },
    )
    .toBe(value);
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

describe("what settings cost, before Apply", () => {
  it("refuses settings past one machine (lesson 5's old 100/s at ±5 min) until the load test is ticked", async () => {
    await page.goto(app.url);
    await page.getByTestId("setting-partitions").waitFor({ timeout: 60_000 });
    await type("ratePerSecond", "100");
    await type("keys", "5");
    await type("joinWindowMs", "300");
    // The previous test applied a load test: this one is about settings without it.
    await page.getByTestId("setting-loadTest").uncheck();
    await expect(page.getByTestId("join-load").textContent()).resolves.toContain("1,200,000 pairs/s");
    await expect(page.getByTestId("settings-cost").textContent()).resolves.toMatch(/records held in the join's state .* MB.*records\/s per core/);
    await page.getByTestId("capacity-error").waitFor();
    await expect(page.getByTestId("settings-apply").isDisabled()).resolves.toBe(true);
    await screenshot(page, "settings-over-capacity");
    await page.getByTestId("setting-loadTest").check();
    await expect(page.getByTestId("capacity-error").count()).resolves.toBe(0);
    await expect(page.getByTestId("settings-apply").isEnabled()).resolves.toBe(true);
  });
});

describe("applying a join setting while the join runs", () => {
  it("says before Apply that it restarts the join, then the join view shows the window the join runs with", async () => {
    const post = (path: string) => fetch(`${app.url}${path}`, { method: "POST" });
    expect((await post("/api/components/join/start")).status).toBe(202);
    try {
      await page.goto(app.url);
      await page.getByTestId("setting-partitions").waitFor({ timeout: 60_000 });
      await expect
        .poll(
          async () => {
            const join = ((await (await fetch(`${app.url}/api/pipeline`)).json()) as { components: { name: string; status: string }[] }).components.find(
              (c) => c.name === "join",
            );
            return join?.status;
          },
          { timeout: 60_000 },
        )
        .toBe("running");
      await type("joinWindowMs", "4");
      await page.locator('[data-testid="apply-restarts"][data-workers="join"]').waitFor({ timeout: 30_000 });
      await expect(page.getByTestId("apply-restarts").textContent()).resolves.toMatch(/Applying restarts join.*joinWindowMs/);
      await screenshot(page, "settings-apply-restarts");
      await page.getByTestId("settings-apply").click();
      await page.getByTestId("restart-note").waitFor({ timeout: 60_000 });
      await expect(page.getByTestId("restart-note").textContent()).resolves.toMatch(/Restarted join/);
      await page.getByTestId("nav-join").click();
      await page.locator('[data-testid="join-window"][data-window-ms="4000"]').waitFor({ timeout: 60_000 });
      // The page's own pipeline state follows a moment later: then the header stops saying "restarting".
      await expect.poll(() => page.getByTestId("join-restarting").count(), { timeout: 30_000 }).toBe(0);
    } finally {
      await post("/api/components/join/stop");
    }
  });
});

describe("the backlog warning", () => {
  const put = (path: string, body?: unknown) =>
    fetch(`${app.url}${path}`, {
      method: body === undefined ? "POST" : "PUT",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("names the join when its lag keeps growing, and lowers the rate with one click", async () => {
    // One key and a 5-minute window: every record matches every other of the last 10 minutes, far more
    // pairs than the join writes. Only a load test may ask for that: without it the API refuses.
    expect((await put("/api/settings", { ratePerSecond: 200, loadTest: false, keys: 1, joinWindowMs: 300_000 })).status).toBe(400);
    expect((await put("/api/settings", { ratePerSecond: 200, loadTest: true, keys: 1, joinWindowMs: 300_000 })).status).toBe(200);
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
      // The join view says how far behind the join is in time, from the event time of what it read.
      await page.getByTestId("nav-join").click();
      const behind = page.locator('[data-testid="behind"][data-worker="join"][data-basis="eventTime"]');
      await behind.waitFor({ timeout: 60_000 });
      await expect(behind.textContent()).resolves.toMatch(/join is .+ behind \(.+ records to read\)/);
      await screenshot(page, "join-behind");
    } finally {
      await put("/api/pipeline/stop");
    }
  });
});

describe("Reset lab", () => {
  it("asks first, then returns the lab to a clean start with the default settings", async () => {
    const put = (body: unknown) =>
      fetch(`${app.url}/api/settings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await put({ keys: 9 })).status).toBe(200);
    await page.goto(app.url);
    await page.getByTestId("reset-open").click();
    await page.getByTestId("reset-dialog").waitFor();
    await page.getByTestId("reset-cancel").click();
    await expect(page.getByTestId("reset-dialog").count()).resolves.toBe(0);
    await page.getByTestId("reset-open").click();
    await screenshot(page, "reset-lab-confirm");
    await page.getByTestId("reset-confirm").click();
    await page.getByTestId("reset-done").waitFor({ timeout: 30_000 });
    const settings = (await (await fetch(`${app.url}/api/settings`)).json()) as { keys: number };
    expect(settings.keys).toBe(DEFAULT_SETTINGS.keys);
    await expect.poll(() => page.getByTestId("setting-keys").inputValue(), { timeout: 10_000 }).toBe(String(DEFAULT_SETTINGS.keys));
  });
});
