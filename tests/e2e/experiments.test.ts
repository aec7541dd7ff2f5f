import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import type { RunningApp } from "../support/app";
import { screenshot, sessionPerFile } from "./browser";

let app: RunningApp;
let page: Page;
sessionPerFile({ width: 1280, height: 900 }, (s) => ({ app, page } = s));

const card = (id: string) => page.getByTestId(`experiment-${id}`);
const status = (scope: Locator, name: string, s: string) => scope.locator(`[data-testid="node-${name}"][data-status="${s}"]`);

async function ensure(scope: Locator, name: string, want: "running" | "stopped") {
  await scope.locator(`[data-testid="node-${name}"][data-known="true"]`).waitFor({ timeout: 30_000 });
  if ((await status(scope, name, want).count()) > 0) return;
  await scope.getByTestId(`${want === "running" ? "start" : "stop"}-${name}`).click();
  await status(scope, name, want).waitFor({ timeout: 90_000 });
}

describe("experiments, each from its button", () => {
  it("scale out: a second instance takes partitions in a rebalance; a 4th join instance is idle", async () => {
    await page.goto(`${app.url}/experiments`);
    const scale = card("scale");
    await ensure(scale, "producer-A", "running");
    await ensure(scale, "strategy", "running");
    await scale.locator('[data-testid="instance-row-0"][data-status="running"]:not([data-owned="0"])').waitFor({ timeout: 60_000 });
    await scale.getByTestId("scale-2").click();
    await scale.locator('[data-testid="instance-row-1"][data-status="running"]:not([data-owned="0"])').waitFor({ timeout: 90_000 });
    await scale.locator('[data-testid="assignment-table"][data-state="stable"]:not([data-rebalances="0"])').waitFor({ timeout: 30_000 });
    await screenshot(page, "10-experiment-scale");

    await scale.getByTestId("scale-worker").selectOption("join");
    await ensure(scale, "join", "running");
    await scale.getByTestId("scale-4").click();
    await scale.locator('[data-testid="instance-row-3"][data-idle="true"]').waitFor({ timeout: 120_000 });
    const working = scale.locator('[data-testid^="instance-row-"][data-status="running"]:not([data-owned="0"])');
    await working.nth(2).waitFor({ timeout: 60_000 });
    await expect(working.count()).resolves.toBe(3);
    await screenshot(page, "11-experiment-scale-idle-member");
    await scale.getByTestId("scale-1").click();
    await scale.getByTestId("scale-worker").selectOption("strategy");
    await scale.getByTestId("scale-1").click();
    await scale.locator('[data-testid="instance-row-1"]').waitFor({ state: "detached", timeout: 60_000 });
  });

  it("chaos: a killed transform restarts, the server-measured lag rises and falls, and in = out holds for every strategy", async () => {
    const chaos = card("chaos");
    await chaos.scrollIntoViewIfNeeded();
    await chaos.locator('[data-testid="instance-row-0"][data-status="running"]').waitFor({ timeout: 60_000 });
    await chaos.locator('[data-testid="assignment-table"][data-state="stable"]').waitFor({ timeout: 60_000 });
    await chaos.getByTestId("lag-row").nth(11).waitFor({ timeout: 30_000 });
    await chaos.getByTestId("chaos-kill").click();
    await chaos.getByTestId("chaos-restarts").and(page.locator(":not(:text-is('0'))")).waitFor({ timeout: 60_000 });
    await chaos.locator('[data-testid="chaos-episode"][data-rose="true"]').waitFor({ timeout: 60_000 });
    await chaos.locator('[data-testid="instance-row-0"][data-status="running"]').waitFor({ timeout: 60_000 });
    await chaos.locator('[data-testid="chaos-episode"][data-fell="true"]').waitFor({ timeout: 90_000 });
    await chaos.locator('[data-testid="assignment-table"][data-state="stable"]:not([data-rebalances="0"])').waitFor({ timeout: 60_000 });
    await ensure(chaos, "producer-A", "stopped");
    for (const s of ["A", "B", "C", "D"]) await chaos.locator(`[data-testid="inout-${s}"][data-state="equal"]`).waitFor({ timeout: 90_000 });
    const input = Number(await chaos.getByTestId("inout-A").getAttribute("data-in"));
    expect(input).toBeGreaterThan(0);
    await screenshot(page, "12-experiment-chaos");
  });

  it("late data: a −5 s D record joins the C record injected beside it, a −1 min one is dropped as late", async () => {
    const late = card("late");
    await ensure(late, "producer-C", "running");
    await ensure(late, "producer-D", "running");
    await late.getByTestId("late-watermark").and(page.locator(":text-matches('\\\\d\\\\d:\\\\d\\\\d:\\\\d\\\\d')")).waitFor({ timeout: 90_000 });
    // At the lab's 1 record/s over 8 keys, user-1 may have no C record within ±10 s: the card says to inject one first.
    await late.getByTestId("late-key").selectOption("user-1");
    await late.getByTestId("late-side").selectOption("C");
    await late.getByTestId("late-preset--5").click();
    await late.getByTestId("late-inject").click();
    await late.getByTestId("late-outcome").first().waitFor({ timeout: 30_000 });
    await late.getByTestId("late-side").selectOption("D");
    await late.getByTestId("late-inject").click();
    await late.locator('[data-testid="late-outcome"][data-fate="joined"]').nth(1).waitFor({ timeout: 60_000 });
    await late.getByTestId("late-preset--60").click();
    await late.getByTestId("late-inject").click();
    await late.locator('[data-testid="late-outcome"][data-fate="late"][data-expected-late="true"]').waitFor({ timeout: 60_000 });
    await expect(late.getByTestId("injected-marker").count()).resolves.toBeGreaterThanOrEqual(1);
    await late.scrollIntoViewIfNeeded();
    await screenshot(page, "13-experiment-late");
    await ensure(late, "producer-C", "stopped");
    await ensure(late, "producer-D", "stopped");
  });

  it("bad record: it ends in dead_letters, visible in the topic viewer", async () => {
    const bad = card("bad");
    await bad.getByTestId("bad-strategy").selectOption("A");
    await bad.getByTestId("bad-preset").selectOption("not-json");
    await bad.getByTestId("bad-inject").click();
    await bad.locator('[data-testid="bad-arrived"][data-arrived="true"]').waitFor({ timeout: 60_000 });
    await screenshot(page, "14-experiment-bad-record");
    await bad.getByTestId("open-dead-letters").click();
    await page.waitForURL(/\/topics\?topic=dead_letters/);
    await page.locator('[data-testid="record-row"]', { hasText: "not_json" }).first().waitFor({ timeout: 60_000 });
    await screenshot(page, "15-dead-letters");
  });

  it("replay: rewinding the stopped transform writes the results again", async () => {
    await page.goto(`${app.url}/experiments#replay`);
    const replay = card("replay");
    await ensure(replay, "strategy", "stopped");
    await replay.getByTestId("replay-earliest").check();
    await replay.getByTestId("replay-now").and(page.locator(":text-matches('^\\\\d+$')")).waitFor({ timeout: 60_000 });
    await replay.getByTestId("replay-run").click();
    await replay.getByTestId("replay-before").and(page.locator(":text-matches('^\\\\d+$')")).waitFor({ timeout: 30_000 });
    // The answer lists every partition of every input topic: 4 topics × 3 partitions, all rewound to 0.
    await replay.getByTestId("replay-result").waitFor({ timeout: 30_000 });
    expect(await replay.getByTestId("replay-partition").count()).toBe(12);
    await ensure(replay, "strategy", "running");
    await replay.locator('[data-testid="replay-result"][data-rewritten="true"]').waitFor({ timeout: 120_000 });
    await replay.locator('[data-testid="inout-A"][data-state="duplicates"]').waitFor({ timeout: 120_000 });
    await expect(replay.getByTestId("replay-again").textContent()).resolves.not.toBe("+0");
    await screenshot(page, "16-experiment-replay");
  });

  it("delivery lesson: killed at least once, the check reports duplicates; back to exactly once completes it", async () => {
    const settings = (body: unknown) =>
      fetch(`${app.url}/api/settings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const { ratePerSecond } = (await (await fetch(`${app.url}/api/settings`)).json()) as { ratePerSecond: number };
    // Enough records that the 2 s between commits always holds some when the kill lands.
    await settings({ ratePerSecond: 50 });
    await page.goto(`${app.url}/learn`);
    await page.getByTestId("lesson-item-delivery").click();
    const live = page.getByTestId("lesson-live");
    await ensure(live, "producer-A", "running");
    await ensure(live, "strategy", "running");
    await live.getByTestId("delivery-at-least-once").click();
    await live.locator('[data-testid="delivery-mode"][data-mode="at-least-once"]').waitFor({ timeout: 30_000 });
    await live.getByTestId("delivery-badge-strategy").waitFor({ timeout: 30_000 });
    const row = live.getByTestId("inout-A");
    await row.waitFor({ timeout: 30_000 });
    const outAt = Number(await row.getAttribute("data-out"));
    await live.locator(`[data-testid="inout-A"]:not([data-out="${outAt}"])`).waitFor({ timeout: 60_000 });
    const duplicatedAt = Number(await row.getAttribute("data-duplicated"));
    await live.locator('[data-testid="instance-row-0"][data-status="running"]').waitFor({ timeout: 60_000 });
    await live.getByTestId("chaos-kill").click();
    await page.waitForFunction(
      (before) => Number(document.querySelector('[data-testid="lesson-live"] [data-testid="inout-A"]')?.getAttribute("data-duplicated") ?? 0) > before,
      duplicatedAt,
      { timeout: 120_000, polling: 500 },
    );
    await screenshot(page, "16b-learn-delivery-duplicates");
    await live.getByTestId("delivery-back").click();
    await live.locator('[data-testid="delivery-mode"][data-mode="exactly-once"]').waitFor({ timeout: 30_000 });
    await live.getByTestId("delivery-badge-strategy").waitFor({ state: "detached", timeout: 30_000 });
    await page.locator('[data-testid="lesson-action"][data-done="true"]').waitFor({ timeout: 30_000 });
    await ensure(live, "producer-A", "stopped");
    await settings({ ratePerSecond });
    await page.goto(`${app.url}/experiments`);
  });

  it("speaks Simplified Chinese, remembered across a reload", async () => {
    await page.getByTestId("lang-switch").selectOption("zh-CN");
    await expect(page.locator("h1").first().textContent()).resolves.toBe("实验");
    await page.reload();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    await expect(card("chaos").locator("h2").textContent()).resolves.toContain("杀掉");
    await page.goto(`${app.url}/learn`);
    await page.getByTestId("lesson-item-rebalance").click();
    await expect(page.getByTestId("lesson-title").textContent()).resolves.toContain("水平扩展");
    await page.getByTestId("lesson-live").getByTestId("assignment-table").waitFor();
    await screenshot(page, "17-learn-rebalance-zh-CN");
    await page.getByTestId("lang-switch").selectOption("en");
  });

  it("/learn at 1280 px: the pipeline diagram fits without sideways scrolling", async () => {
    await page.getByTestId("lesson-item-topic").click();
    const scroller = page.locator('[data-testid="lesson-live"] [data-testid="pipeline-diagram"] .overflow-x-auto');
    await scroller.waitFor();
    const { scroll, client } = await scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client + 1);
    await screenshot(page, "18-learn-1280");
    await page.goto(`${app.url}/`);
    await page.getByTestId("stop-all").click();
  });
});
