import type { Locator, Page } from "playwright-core";
import { applySetting, applySettings, chooseAggMode, groupLagAtLeast, outRateAtLeast } from "./journey-ui";

/**
 * What a learner does in each lesson of /learn, exactly as its English action text says, through the
 * page only. One small function per lesson, in the tutorial's order: when a lesson's text changes,
 * change its row here.
 */
export interface Learner {
  page: Page;
  /** The live element beside the open lesson (and the controls above it). */
  live: Locator;
}

export interface Step {
  id: string;
  /** What the text asks, up to the effect that completes the lesson. */
  act: (l: Learner) => Promise<void>;
  /** What the text asks after that effect, if anything (not timed). */
  after?: (l: Learner) => Promise<void>;
}

const WAIT = 90_000;

const node = (l: Learner, name: string) => l.live.locator(`[data-testid="node-${name}"]`).first();

/** Presses Start or Stop on a component shown beside the lesson, and waits until it says so. */
async function press(l: Learner, name: string, want: "running" | "stopped") {
  await l.live.locator(`[data-testid="node-${name}"][data-known="true"]`).first().waitFor({ timeout: 30_000 });
  await l.live
    .getByTestId(`${want === "running" ? "start" : "stop"}-${name}`)
    .first()
    .click();
  await l.live.locator(`[data-testid="node-${name}"][data-status="${want}"]`).first().waitFor({ timeout: WAIT });
}

const statusOf = async (l: Learner, name: string) => {
  await l.live.locator(`[data-testid="node-${name}"][data-known="true"]`).first().waitFor({ timeout: 30_000 });
  return node(l, name).getAttribute("data-status");
};
/** "Start X (stop it first if it runs)". */
async function startFresh(l: Learner, name: string) {
  if ((await statusOf(l, name)) !== "stopped") await press(l, name, "stopped");
  await press(l, name, "running");
}
/** "Start X" when it is not running yet. */
const ensureRunning = async (l: Learner, name: string) => {
  const status = await statusOf(l, name);
  if (status === "running") return;
  // Still starting (e.g. restarted by a delivery mode change): a learner waits for it rather than pressing Start.
  if (status === "starting") await l.live.locator(`[data-testid="node-${name}"][data-status="running"]`).first().waitFor({ timeout: WAIT });
  else await press(l, name, "running");
};

export const STEPS: Step[] = [
  // "Check that the broker card says Connected."
  { id: "broker", act: (l) => l.live.locator('[data-testid="broker-card"][data-connected="true"]').waitFor({ timeout: WAIT }) },
  // "Press Start on Producer A in the diagram (if it is running, stop it first)."
  { id: "topic", act: (l) => startFresh(l, "producer-A") },
  // "Start producer A here (stop it first if it runs) and watch 20 new records arrive in A_input."
  { id: "partition", act: (l) => startFresh(l, "producer-A") },
  // "Pause the table, read a few offsets per partition, then resume."
  {
    id: "offset",
    act: async (l) => {
      await l.live.getByTestId("record-row").first().waitFor({ timeout: WAIT });
      await l.live.getByTestId("tail-pause").click();
      await l.live.getByTestId("tail-missed").waitFor();
      await l.live.getByTestId("record-row").nth(2).textContent();
      await l.live.getByTestId("tail-pause").click();
    },
  },
  // "Change the rate to 100 records/s and the keys to 100 (…), and apply (start producer A if it is stopped); watch
  // producer A's node show it writing at least 50 records/s. Then set the rate back to 1 and the keys back to 8, and apply."
  {
    id: "producer",
    act: async (l) => {
      await applySettings(l, { ratePerSecond: "100", keys: "100" });
      await ensureRunning(l, "producer-A");
      await outRateAtLeast(l, "producer-A", 50);
      await applySettings(l, { ratePerSecond: "1", keys: "8" });
    },
  },
  // "Start the strategy transform (stop it first if it runs)."
  { id: "consumer-group", act: (l) => startFresh(l, "strategy") },
  // "Start the transform, then set it to 2 instances or more here."
  {
    id: "rebalance",
    act: async (l) => {
      await ensureRunning(l, "strategy");
      await l.live.getByTestId("scale-2").click();
    },
  },
  // "Stop the strategy transform for about 10 seconds while producer A runs: watch the lag grow. Then start it again."
  {
    id: "lag",
    act: async (l) => {
      await ensureRunning(l, "producer-A");
      await press(l, "strategy", "stopped");
      // About 10 s at the default 1 record/s: until the group's lag column adds up to 10.
      await groupLagAtLeast(l, "lab-strategy", 10);
      await press(l, "strategy", "running");
    },
  },
  // "Start the transform here (stop it first if it runs; start producer A if needed) and watch its results arrive in A_output."
  {
    id: "transform",
    act: async (l) => {
      await ensureRunning(l, "producer-A");
      await startFresh(l, "strategy");
    },
  },
  // "Start producers C and D here, and the transform and the join (stop a producer first if it already runs)."
  {
    id: "event-time",
    act: async (l) => {
      await ensureRunning(l, "strategy");
      await ensureRunning(l, "join");
      await startFresh(l, "producer-C");
      await startFresh(l, "producer-D");
    },
  },
  // "Change the watermark delay in the settings (e.g. to 10 seconds) and apply: … applying restarts a running join
  // with it (start the join if it is stopped)."
  {
    id: "watermark",
    act: async (l) => {
      await ensureRunning(l, "join");
      await applySetting(l, "watermarkDelayMs", "10");
    },
  },
  // "Wait for linked pairs, then click the C and the D record of a linked pair."
  {
    id: "join",
    act: async (l) => {
      const link = l.live.getByTestId("join-link").last();
      await link.waitFor({ timeout: WAIT });
      const [c, d] = await Promise.all([link.getAttribute("data-c"), link.getAttribute("data-d")]);
      // Dispatched on the dots themselves: the timeline scrolls as records arrive.
      await l.live.locator(`[data-record="${c}"]`).dispatchEvent("click");
      await l.live.locator(`[data-record="${d}"]`).dispatchEvent("click");
    },
  },
  // "Start producer A, the transform and the aggregation; watch the rows, then switch the output mode and apply."
  {
    id: "aggregate",
    act: async (l) => {
      for (const name of ["producer-A", "strategy", "aggregate"]) await ensureRunning(l, name);
      await l.live.locator('[data-testid="agg-emission"][data-mode="update"]').first().waitFor({ timeout: WAIT });
      await chooseAggMode(l, "append");
      await l.live.getByTestId("agg-apply").click();
    },
  },
  // "Inject a D record for user-1 at −5 s, then one at −1 min."
  {
    id: "late-data",
    act: async (l) => {
      await l.live.getByTestId("late-side").selectOption("D");
      await l.live.getByTestId("late-key").selectOption("user-1");
      await l.live.getByTestId("late-preset--5").click();
      await l.live.getByTestId("late-inject").click();
      await l.live.getByTestId("late-outcome").first().waitFor({ timeout: 30_000 });
      await l.live.getByTestId("late-preset--60").click();
      await l.live.getByTestId("late-inject").click();
      await l.live.getByTestId("late-outcome").nth(1).waitFor({ timeout: 30_000 });
    },
  },
  // "Pause the dead_letters table and look at what it holds."
  { id: "dead-letters", act: (l) => l.live.getByTestId("tail-pause").click() },
  // "Inject a bad record and wait until the dead-letter count of its input topic goes up. Then open dead_letters to read its reason."
  {
    id: "bad-record",
    act: async (l) => {
      await l.live.getByTestId("bad-inject").click();
      await l.live.locator('[data-testid="bad-arrived"][data-arrived="true"]').waitFor({ timeout: WAIT });
    },
    after: async (l) => {
      await l.live.getByTestId("open-dead-letters").click();
      await l.page.waitForURL(/\/topics\?topic=dead_letters/);
      await l.page.locator('[data-testid="record-row"]', { hasText: "not_json" }).first().waitFor({ timeout: WAIT });
      await l.page.getByTestId("nav-learn").click();
      await l.page.locator('[data-testid="lesson-panel"][data-lesson="bad-record"]').waitFor();
    },
  },
  // "Start producer A and the transform. Choose at most once (or at least once), press Kill, and wait until the check
  // reports lost (or duplicated) records … Then press Back to exactly once."
  {
    id: "delivery",
    act: async (l) => {
      await ensureRunning(l, "producer-A");
      await ensureRunning(l, "strategy");
      await l.live.getByTestId("delivery-at-least-once").click();
      await l.live.locator('[data-testid="delivery-mode"][data-mode="at-least-once"]').waitFor({ timeout: WAIT });
      const row = l.live.getByTestId("inout-A");
      const duplicated = async () => Number((await row.getAttribute("data-duplicated")) ?? 0);
      // At 1 record/s a kill finds an output written but not yet committed most of the time; a learner who sees
      // no new duplicate after a kill presses Kill again. (Duplicates may also appear before any kill, from the
      // rebalance the mode change causes: only those after a kill count.)
      for (let kill = 0; kill < 4; kill++) {
        const outAt = await row.getAttribute("data-out");
        await l.live.locator(`[data-testid="inout-A"]:not([data-out="${outAt}"])`).waitFor({ timeout: WAIT });
        await l.live.locator('[data-testid="instance-row-0"][data-status="running"]').waitFor({ timeout: WAIT });
        const atKill = await duplicated();
        await l.live.locator('[data-testid="chaos-kill"]:enabled').click({ timeout: WAIT });
        const seen = await l.page
          .waitForFunction(
            (n) => Number(document.querySelector('[data-testid="lesson-live"] [data-testid="inout-A"]')?.getAttribute("data-duplicated") ?? 0) > n,
            atKill,
            { timeout: 20_000, polling: 500 },
          )
          .then(
            () => true,
            () => false,
          );
        if (seen) break;
      }
      await l.live.getByTestId("delivery-back").click();
      await l.live.locator('[data-testid="delivery-mode"][data-mode="exactly-once"]').waitFor({ timeout: WAIT });
    },
  },
  // "With producer A and the transform running, press Kill."
  {
    id: "chaos",
    act: async (l) => {
      await ensureRunning(l, "producer-A");
      await ensureRunning(l, "strategy");
      // Right after the delivery lesson's "Back to exactly once" the transform is still restarting: Kill waits for it.
      await l.live.locator('[data-testid="chaos-kill"]:enabled').click({ timeout: WAIT });
    },
  },
  // "Stop the transform, wait for its group to empty, rewind it (earliest or a few minutes ago), and start it again."
  {
    id: "replay",
    act: async (l) => {
      await press(l, "strategy", "stopped");
      await l.live.getByTestId("replay-timestamp").check();
      const rewind = l.live.getByTestId("replay-run");
      await l.live.locator('[data-testid="replay-run"]:not([disabled])').waitFor({ timeout: WAIT });
      await rewind.click();
      await l.live.getByTestId("replay-result").waitFor({ timeout: 30_000 });
      await press(l, "strategy", "running");
    },
  },
  // "Start the demo (if it is not running) … Once the slow reader's offset is behind the log start, resume it with earliest or latest."
  {
    id: "segments",
    act: async (l) => {
      await startDemo(l, "log-storage");
      await l.live.locator('[data-testid="log-slow-state"][data-behind="true"]').waitFor({ timeout: WAIT });
      await l.live.getByTestId("log-resume-earliest").click();
      await l.live.locator('[data-testid="log-reset"]:not([data-lost="0"])').waitFor({ timeout: 30_000 });
    },
  },
  // "Start the demo and watch keys written many times drop to one record in the log. Then delete a user."
  {
    id: "compaction",
    act: async (l) => {
      await startDemo(l, "log-compaction");
      await l.live.locator('[data-testid="log-delete-user-6"]:enabled').click({ timeout: WAIT });
      await l.live.locator('[data-testid="log-inlog-user-6"]:text-is("0")').waitFor({ timeout: WAIT });
    },
  },
  // "Hold a transaction open and watch the last stable offset stop below the high watermark … Then abort it."
  {
    id: "transactions",
    act: async (l) => {
      await l.live.locator('[data-testid="log-txn-hold"]:enabled').click({ timeout: WAIT });
      await l.live.locator('[data-testid="log-reader-read_uncommitted"]:not([data-demo="0"])').waitFor({ timeout: WAIT });
      await l.live.getByTestId("log-txn-abort").click();
      await l.live.locator('[data-testid="log-txn-state"][data-ended="aborted"]').waitFor({ timeout: 30_000 });
    },
  },
];

/** Presses a log demo's Start unless it runs already. */
async function startDemo(l: Learner, testid: string) {
  await l.live.locator(`[data-testid="${testid}"]`).waitFor({ timeout: 30_000 });
  if ((await l.live.locator(`[data-testid="${testid}"][data-running="true"]`).count()) === 0) await l.live.getByTestId(`${testid}-start`).click();
  await l.live.locator(`[data-testid="${testid}"][data-running="true"]`).waitFor({ timeout: 30_000 });
}
