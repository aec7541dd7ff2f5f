import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { ClusterView } from "@/lib/contract/cluster";
import type { RunningApp } from "../support/app";
import { screenshot, sessionPerFile } from "./browser";

let app: RunningApp;
let page: Page;
/** Its own three-node cluster (KAFKA_NODES=3), ports from TEST_CLUSTER_PORT + 10, so the buttons can break it. */
const PORT = Number(process.env.TEST_CLUSTER_PORT ?? 19110) + 10;
sessionPerFile({ width: 1280, height: 900 }, (s) => ({ app, page } = s), { KAFKA_BROKERS: "", KAFKA_NODES: "3", KAFKA_PORT: String(PORT) });

const WAIT = 90_000;

async function cluster(): Promise<ClusterView> {
  return ClusterView.parse(await (await fetch(`${app.url}/api/cluster`)).json());
}

/** A partition of producer A's input topic, and the broker that leads it now (from the page's own API). */
async function aLeadPartition(): Promise<{ row: (root: Locator | Page) => Locator; topic: string; leader: number }> {
  const v = await cluster();
  const topic = v.topics.find((t) => t.topic.endsWith("A_input"))!;
  const p = topic.partitions[0]!;
  return { topic: topic.topic, leader: p.leader, row: (root) => root.getByTestId(`cluster-partition-${topic.topic}-0`) };
}

const allUp = (root: Locator | Page) =>
  Promise.all([1, 2, 3].map((id) => root.locator(`[data-testid="cluster-broker-${id}"][data-up="true"]`).waitFor({ timeout: WAIT })));
const inSync = (row: Locator) => row.and(row.page().locator('[data-state="ok"]'));

describe("the Cluster page on three brokers", () => {
  it("shows a leader change and an ISR shrink after a kill from its button, and the ISR back after Start", async () => {
    await fetch(`${app.url}/api/components/producer-A/start`, { method: "POST" });
    await page.goto(`${app.url}/cluster`);
    await page.locator('[data-testid="cluster-view"][data-mode="cluster"]').waitFor({ timeout: WAIT });
    await allUp(page);
    await expect.poll(async () => (await cluster()).topics.some((t) => t.topic.endsWith("A_input")), { timeout: WAIT }).toBe(true);
    const { row, leader } = await aLeadPartition();
    await inSync(row(page)).waitFor({ timeout: WAIT });
    await page.getByTestId(`cluster-kill-${leader}`).click();
    await page.locator(`[data-testid="cluster-broker-${leader}"][data-up="false"]`).waitFor({ timeout: 30_000 });
    // The controller fences the killed broker after its session timeout; then another replica leads and the ISR is two.
    await expect.poll(async () => Number(await row(page).getAttribute("data-leader")), { timeout: 40_000 }).not.toBe(leader);
    const isr = (await row(page).getAttribute("data-isr"))!.split(",").map(Number);
    expect(isr).toHaveLength(2);
    expect(isr).not.toContain(leader);
    await expect(row(page).getAttribute("data-state")).resolves.toBe("under");
    await screenshot(page, "cluster-after-kill");
    await page.getByTestId(`cluster-start-${leader}`).click();
    await inSync(row(page)).waitFor({ timeout: WAIT });
    await screenshot(page, "cluster-healed");
  }, 300_000);

  it("completes the leader-election and replication lessons from their actions beside them", async () => {
    await page.goto(`${app.url}/learn`);
    const live = page.getByTestId("lesson-live");
    for (const id of ["leader-election", "replication"] as const) {
      await page.getByTestId(`lesson-item-${id}`).click();
      await page.locator(`[data-testid="lesson-panel"][data-lesson="${id}"]`).waitFor();
      await allUp(live);
      const { row, leader } = await aLeadPartition();
      await inSync(row(live)).waitFor({ timeout: WAIT });
      await live.getByTestId(`cluster-kill-${leader}`).click();
      await expect.poll(async () => Number(await row(live).getAttribute("data-leader")), { timeout: 40_000 }).not.toBe(leader);
      await live.getByTestId(`cluster-start-${leader}`).click();
      await page.locator(`[data-testid="lesson-item-${id}"][data-done="true"]`).waitFor({ timeout: WAIT });
      await screenshot(page, `cluster-lesson-${id}`);
    }
  }, 400_000);

  it("completes the acks lesson: two brokers stopped refuse producer A's writes until one is started", async () => {
    await page.getByTestId("lesson-item-acks").click();
    const live = page.getByTestId("lesson-live");
    await allUp(live);
    const { leader } = await aLeadPartition();
    const others = [1, 2, 3].filter((id) => id !== leader);
    for (const id of others) {
      await live.getByTestId(`cluster-stop-${id}`).click();
      await live.locator(`[data-testid="cluster-broker-${id}"][data-up="false"]`).waitFor({ timeout: WAIT });
    }
    // Producer A's node is shown twice beside this lesson (the Cluster panel's producer, the pipeline): either says it.
    await live.locator('[data-testid="send-error-producer-A"][data-type="NOT_ENOUGH_REPLICAS"]').first().waitFor({ timeout: WAIT });
    await screenshot(page, "cluster-lesson-acks-refused");
    await live.getByTestId(`cluster-start-${others[0]}`).click();
    await page.locator('[data-testid="lesson-item-acks"][data-done="true"]').waitFor({ timeout: 120_000 });
    await live.getByTestId(`cluster-start-${others[1]}`).click();
    await allUp(live);
  }, 400_000);

  it("completes the high-watermark lesson: the HW grows with a broker down, and the broker catches up after Start", async () => {
    await page.getByTestId("lesson-item-high-watermark").click();
    const live = page.getByTestId("lesson-live");
    await allUp(live);
    const { row, leader } = await aLeadPartition();
    await inSync(row(live)).waitFor({ timeout: WAIT });
    const victim = [1, 2, 3].find((id) => id !== leader)!;
    await live.getByTestId(`cluster-stop-${victim}`).click();
    await row(live).and(page.locator('[data-state="under"]')).waitFor({ timeout: WAIT });
    const hw = async () => (await cluster()).topics.find((t) => t.topic.endsWith("A_input"))!.partitions.reduce((n, p) => n + Number(p.highWatermark ?? 0), 0);
    const before = await hw();
    await expect.poll(hw, { timeout: 30_000 }).toBeGreaterThan(before + 2);
    await live.getByTestId(`cluster-start-${victim}`).click();
    await page.locator('[data-testid="lesson-item-high-watermark"][data-done="true"]').waitFor({ timeout: 120_000 });
  }, 300_000);
});
