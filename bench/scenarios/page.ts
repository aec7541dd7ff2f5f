import { chromium } from "playwright-core";
import { HEADLESS_CHROMIUM_ARGS } from "@/lib/chromium";
import type { BenchDeps } from "../lib/deps";
import { processLabel, treeRssMB } from "../lib/procs";
import { round } from "../lib/stats";
import { sleep } from "../lib/time";
import { startBenchApp, type BenchApp } from "./app";

export interface PageResult {
  eventsPerSec: number;
  longTasksOver100ms: number;
  longestTaskMs: number;
  heapGrowthMB: number;
  producersPerSec: number;
  perView: Record<string, { events: number; longTasks: number; heapStartMB: number; heapEndMB: number }>;
  /** The longest animation frames after the warm-up, with their scripts: where the long tasks come from. */
  longestFrames: LongFrame[];
  how: string;
}
export interface MemoryResult {
  totalRssMB: { idle: number; "1000": number };
  /** At 1,000 rec/s: MB per process. */
  byProcess: Record<string, number>;
  how: string;
}

/** A long animation frame over 100 ms, with what ran in it (Chromium's LoAF entries), for the results. */
export interface LongFrame {
  view: string;
  ms: number;
  blockingMs: number;
  renderMs: number;
  layoutMs: number;
  scripts: { invoker: string; source: string; ms: number; layoutMs: number }[];
}

const OBSERVE = `window.__long = []; window.__frames = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, ms: e.duration }); }).observe({ type: "longtask", buffered: true });
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.duration > 100) window.__frames.push({ start: e.startTime, ms: e.duration, blockingMs: e.blockingDuration,
  renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0, layoutMs: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
  scripts: e.scripts.map((s) => ({ invoker: s.invoker, source: (s.sourceURL.split("/").pop() || "") + ":" + s.sourceFunctionName + "@" + s.sourceCharPosition, ms: Math.round(s.duration), layoutMs: Math.round(s.forcedStyleAndLayoutDuration) })) }); }).observe({ type: "long-animation-frame", buffered: true });`;

const producedTotal = async (app: BenchApp) => {
  const v = (await app.api("GET", "/api/pipeline")) as { components: { kind: string; metrics: { recordsOutTotal: number } | null }[] };
  return v.components.filter((c) => c.kind === "producer").reduce((s, c) => s + (c.metrics?.recordsOutTotal ?? 0), 0);
};

/** Memory idle and at 1,000 rec/s, then the two live views in headless Chromium with producers at `rate` in total. */
export async function runPageAndMemory(deps: BenchDeps, rate = 20_000): Promise<{ page: PageResult; memory: MemoryResult }> {
  const app = await startBenchApp(deps);
  const roots = () => [app.pid, ...(deps.brokerPid ? [deps.brokerPid] : [])];
  try {
    await app.api("PUT", "/api/settings", { ratePerSecond: 1, keys: 5 });
    await app.api("POST", "/api/pipeline/start");
    await sleep(15_000);
    const idle = treeRssMB(roots()).totalMB;
    await app.api("PUT", "/api/settings", { ratePerSecond: 250 });
    await sleep(deps.quick ? 15_000 : 30_000);
    const tree1k = treeRssMB(roots());
    const at1k = tree1k.totalMB;
    const byProcess = Object.fromEntries(Object.entries(tree1k.byPid).map(([pid, mb]) => [`${processLabel(Number(pid))} (${pid})`, mb]));
    deps.log(`memory idle ${round(idle)} MB, 1k/s ${round(at1k)} MB`);

    // Above the normal-use cap on purpose: a load test.
    await app.api("PUT", "/api/settings", { ratePerSecond: rate / 4, loadTest: true });
    const browser = await chromium.launch({
      executablePath: deps.config.chromiumPath,
      args: [...HEADLESS_CHROMIUM_ARGS, "--enable-precise-memory-info"],
    });
    try {
      const views = { topics: `${app.url}/topics?topic=C_output`, join: `${app.url}/join` };
      const opened = await Promise.all(
        Object.entries(views).map(async ([name, url]) => {
          const page = await browser.newPage();
          await page.addInitScript(OBSERVE);
          const frames = { n: 0 };
          page.on("websocket", (ws) => ws.on("framereceived", (f) => void (String(f.payload).startsWith("42") && frames.n++)));
          await page.goto(url, { waitUntil: "load" });
          const cdp = await page.context().newCDPSession(page);
          return { name, page, cdp, frames };
        }),
      );
      const heap = async (o: (typeof opened)[number]) => {
        await o.cdp.send("HeapProfiler.collectGarbage");
        return ((await o.cdp.send("Runtime.getHeapUsage")) as { usedSize: number }).usedSize / 2 ** 20;
      };
      await sleep(deps.quick ? 10_000 : 20_000);
      const measureMs = deps.quick ? 15_000 : 120_000;
      const start = await Promise.all(
        opened.map(async (o) => ({ heap: await heap(o), frames: o.frames.n, t: await o.page.evaluate(() => performance.now()) })),
      );
      const p0 = await producedTotal(app);
      await sleep(measureMs);
      const p1 = await producedTotal(app);
      const perView: PageResult["perView"] = {};
      let events = 0,
        longTasks = 0,
        longest = 0,
        growth = 0;
      const frames: LongFrame[] = [];
      for (const [i, o] of opened.entries()) {
        const s = start[i]!;
        const tasks = (await o.page.evaluate(() => (window as unknown as { __long: { start: number; ms: number }[] }).__long)).filter((t) => t.start >= s.t);
        const viewFrames = (await o.page.evaluate(() => (window as unknown as { __frames: (Omit<LongFrame, "view"> & { start: number })[] }).__frames)).filter(
          (f) => f.start >= s.t,
        );
        frames.push(
          ...viewFrames.map(({ start: _start, ...f }) => ({
            view: o.name,
            ...f,
            ms: round(f.ms, 0),
            blockingMs: round(f.blockingMs, 0),
            renderMs: round(f.renderMs, 0),
            layoutMs: round(f.layoutMs, 0),
          })),
        );
        const end = await heap(o);
        const over = tasks.filter((t) => t.ms > 100).length;
        perView[o.name] = { events: o.frames.n - s.frames, longTasks: over, heapStartMB: round(s.heap, 2), heapEndMB: round(end, 2) };
        events += o.frames.n - s.frames;
        longTasks += over;
        longest = Math.max(longest, ...tasks.map((t) => t.ms), 0);
        growth = Math.max(growth, end - s.heap);
      }
      const page: PageResult = {
        eventsPerSec: round((events * 1000) / measureMs, 1),
        longTasksOver100ms: longTasks,
        longestTaskMs: round(longest, 0),
        heapGrowthMB: round(growth, 2),
        producersPerSec: round(((p1 - p0) * 1000) / measureMs, 0),
        perView,
        longestFrames: frames.sort((a, b) => b.ms - a.ms).slice(0, 10),
        how: `real server + pipeline (4 producers at ${rate / 4}/s each requested, strategy, join); Chromium pages on /topics?topic=C_output and /join; socket.io event frames counted via CDP websocket frames; long tasks from a PerformanceObserver('longtask') counted after the warm-up, the 10 longest animation frames (PerformanceObserver('long-animation-frame')) kept with their scripts; heap = Runtime.getHeapUsage after a forced GC, growth = worst page`,
      };
      deps.log(`page: ${JSON.stringify(page)}`);
      return {
        page,
        memory: {
          totalRssMB: { idle: round(idle), "1000": round(at1k) },
          byProcess,
          how: "sum of VmRSS of the server, every descendant (workers, producers) and the broker JVM; idle = pipeline running at 1 rec/s per producer, 1000 = 250 rec/s per producer; Chromium not counted",
        },
      };
    } finally {
      await browser.close();
    }
  } finally {
    await app.stop();
  }
}
