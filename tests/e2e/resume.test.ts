import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RunState } from "@/server/pipeline/run-state";
import { openSession, screenshot, type BrowserSession } from "./browser";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lab-resume-e2e-"));
let session: BrowserSession | null = null;
afterAll(async () => {
  await session?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the resume notice", () => {
  it("tells the learner what was started again after an unclean stop, and goes away when dismissed", async () => {
    // What a lab SIGKILLed with the strategy worker running leaves behind.
    const left: RunState = { running: [{ name: "strategy", instances: 1 }], cleanStop: false, at: Date.now() - 60_000 };
    fs.writeFileSync(path.join(dataDir, "run-state.json"), JSON.stringify(left));
    session = await openSession({ width: 1280, height: 800 }, {}, { dataDir });
    const { page, app } = session;
    await page.goto(app.url);
    const notice = page.getByTestId("resume-notice");
    await page.locator('[data-testid="node-strategy"][data-status="running"]').waitFor({ timeout: 60_000 });
    await notice.waitFor({ timeout: 5000 });
    expect(await notice.getAttribute("data-kind")).toBe("resumed");
    expect(await notice.textContent()).toContain("strategy");
    await screenshot(page, "42-resume-notice");
    await page.getByTestId("resume-dismiss").click();
    await notice.waitFor({ state: "detached", timeout: 5000 });
    await page.reload();
    // The notice comes with the pipeline state, which has arrived once the resumed worker shows as running.
    await page.locator('[data-testid="node-strategy"][data-status="running"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("resume-notice").count()).toBe(0);
  });
});
