import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { LogLine } from "@/lib/contract/api";
import type { RunningApp } from "../support/app";
import { screenshot, sessionPerFile } from "./browser";

let app: RunningApp;
let page: Page;
sessionPerFile({ width: 1280, height: 800 }, (s) => ({ app, page } = s));

// What the server's log buffer holds after a flood (its collapse is unit-tested in lib/logs/collapse.test.ts):
// the drawer is given it as the logs API's answer, as a learner would see it under load.
const now = Date.now();
const FLOODED: LogLine[] = [
  { at: now - 60_000, level: "info", msg: "running" },
  { at: now - 30_000, level: "error", msg: 'commit failed err="The coordinator is not available"' },
  {
    at: now - 1_000,
    level: "warn",
    msg: 'Response AddOffsetsToTxn(key: 25, version: 1) kafkajs=Connection error="The producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing"',
    count: 97,
  },
];

describe("the log drawer", () => {
  it("shows a repeated message once, with its count, and keeps the error before it", async () => {
    await page.route("**/api/components/strategy/logs", (route) => route.fulfill({ json: { lines: FLOODED } }));
    await page.goto(app.url);
    await page.getByTestId("logs-strategy").click();
    const drawer = page.getByTestId("log-drawer");
    await drawer.getByText("×97").waitFor({ timeout: 30_000 });
    const text = (await drawer.textContent()) ?? "";
    expect(text.match(/concurrent operation/g)).toHaveLength(1);
    expect(text).toContain("The coordinator is not available");
    await screenshot(page, "log-drawer-collapsed");
  });
});
