import { describe, expect, it } from "vitest";
import type { BrokerProcess } from "@/lib/contract/api";
import type { Page } from "playwright-core";
import type { RunningApp } from "../support/app";
import { screenshot, sessionPerFile } from "./browser";

let app: RunningApp;
let page: Page;
// Its own embedded broker, so that the test can stop and start it.
sessionPerFile({ width: 1280, height: 800 }, (s) => ({ app, page } = s), {
  KAFKA_BROKERS: "",
  KAFKA_PORT: String(Number(process.env.TEST_KAFKA_PORT ?? 19092) + 80),
});

describe("the broker-restart experiment in the dashboard", () => {
  it("stops the embedded broker from the broker card, shows the outage and a running producer waiting for it, and brings it back", async () => {
    await page.goto(app.url);
    await page.locator('[data-testid="broker-card"][data-connected="true"]').waitFor({ timeout: 60_000 });
    const producer = (state: string) => page.locator(`[data-testid="node-producer-A"][data-state="${state}"]`);
    await page.getByTestId("start-producer-A").click();
    await producer("running").waitFor({ timeout: 60_000 });
    await page.getByTestId("broker-stop").click();
    await page.locator('[data-testid="broker-card"][data-connected="false"]').waitFor({ timeout: 30_000 });
    // Its process still runs, but it is not shown green "running" at 0/s: it waits for the broker.
    await producer("waitingBroker").and(page.locator('[data-status="running"]')).waitFor({ timeout: 30_000 });
    await screenshot(page, "40-broker-stopped");
    await page.getByTestId("broker-start").click();
    await page.locator('[data-testid="broker-card"][data-connected="true"]').waitFor({ timeout: 60_000 });
    await producer("running").waitFor({ timeout: 30_000 });
    await page.getByTestId("stop-producer-A").click();
  });

  it("shows a broker killed with SIGKILL as crashed, with a banner, until the lab has started it again", async () => {
    await page.goto(app.url);
    await page.locator('[data-testid="broker-card"][data-connected="true"]').waitFor({ timeout: 60_000 });
    const health = async () => (await (await fetch(`${app.url}/api/health`)).json()) as { broker: { process: BrokerProcess } };
    const { pid } = (await health()).broker.process;
    process.kill(pid!, "SIGKILL");
    await page
      .getByTestId("connection-banner")
      .filter({ hasText: /crashed|starting again after a crash/ })
      .waitFor({ timeout: 10_000 });
    await page.getByTestId("broker-crash").filter({ hasText: "SIGKILL" }).waitFor({ timeout: 10_000 });
    await screenshot(page, "41-broker-crashed");
    await page.locator('[data-testid="broker-card"][data-connected="true"][data-process="running"]').waitFor({ timeout: 120_000 });
    await page.getByTestId("connection-banner").waitFor({ state: "detached", timeout: 30_000 });
    expect(await page.getByTestId("broker-crash").textContent()).toContain("1");
  });
});
