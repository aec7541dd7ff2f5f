import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PipelineView, type ComponentName } from "@/lib/contract/api";
import { startApp, type AppOptions, type RunningApp } from "../support/app";
import { waitFor } from "../support/kafka";
import { processesMentioning } from "../support/lab-processes";
import { sessionOf } from "../support/proc";

const apps: RunningApp[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.killHard()));
  // Killed, not stopped: their data dirs are still there.
  for (const d of [...dirs, ...apps.map((a) => a.dataDir)]) fs.rmSync(d, { recursive: true, force: true });
});

async function launch(env: Record<string, string>, opts: AppOptions): Promise<RunningApp> {
  const app = await startApp(env, { detached: true, ...opts });
  apps.push(app);
  return app;
}
const pipeline = async (app: RunningApp) => PipelineView.parse(await (await fetch(`${app.url}/api/pipeline`)).json());
const post = (app: RunningApp, route: string) => fetch(`${app.url}${route}`, { method: "POST" }).then((r) => expect(r.status).toBe(202));
const running = (view: PipelineView) =>
  view.components
    .filter((c) => c.status === "running")
    .map((c) => c.name)
    .sort();
const wanted = (view: PipelineView) =>
  view.components
    .filter((c) => c.status !== "stopped")
    .map((c) => c.name)
    .sort();

/** SIGKILL the app's whole process group, then wait (at most 5 s) until nothing of it runs. */
async function killAndCheckNothingLeft(app: RunningApp) {
  await app.killHard();
  await waitFor(
    () => processesMentioning(app.topicPrefix).length === 0,
    `no process of the app left (still: ${JSON.stringify(processesMentioning(app.topicPrefix))})`,
    5000,
  );
}

describe("the app killed with SIGKILL", () => {
  it("leaves no producer or worker behind 5 s after its process group is SIGKILLed with the pipeline running, though they lead their own sessions", async () => {
    const app = await launch({ LAB_RESUME: "false" }, {});
    await post(app, "/api/pipeline/start");
    await waitFor(async () => running(await pipeline(app)).length === 7, "every component to run", 90_000);
    const pids = (await pipeline(app)).components.map((c) => c.pid!);
    // WORKER_NICE's default puts each in a session of its own: the group kill below does not reach them.
    expect(pids.map(sessionOf)).toEqual(pids);
    expect(processesMentioning(app.topicPrefix).map((p) => p.pid)).toEqual(expect.arrayContaining([app.pid, ...pids]));
    await killAndCheckNothingLeft(app);
  });
});

describe("resuming after an unclean stop", () => {
  it("starts again what ran before a SIGKILL (unless LAB_RESUME=false), and nothing after a clean stop", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lab-resume-"));
    dirs.push(dataDir);
    const opts = { dataDir, topicPrefix: `resume-${Date.now().toString(36)}.` };
    const ran: ComponentName[] = ["producer-A", "strategy"];

    const first = await launch({}, opts);
    for (const name of ran) await post(first, `/api/components/${name}/start`);
    await waitFor(async () => running(await pipeline(first)).join() === ran.join(), "producer-A and strategy to run", 90_000);
    await killAndCheckNothingLeft(first);

    const off = await launch({ LAB_RESUME: "false" }, opts);
    expect((await pipeline(off)).resume).toMatchObject({ kind: "notResumed", components: ran });
    expect(wanted(await pipeline(off))).toEqual([]);
    expect(off.output()).toContain("not resuming producer-A, strategy after the unclean stop: LAB_RESUME=false");
    await killAndCheckNothingLeft(off);

    const second = await launch({}, opts);
    expect(second.output()).toContain("[lab] resuming what was running before the unclean stop: producer-A, strategy");
    expect((await pipeline(second)).resume).toMatchObject({ kind: "resumed", components: ran });
    await waitFor(async () => running(await pipeline(second)).join() === ran.join(), "producer-A and strategy to run again", 90_000);
    await second.stop();

    const third = await launch({}, opts);
    expect((await pipeline(third)).resume).toBeNull();
    expect(wanted(await pipeline(third))).toEqual([]);
    expect(third.output()).not.toContain("resuming");
    await third.stop();
  });
});
