import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PipelineView } from "@/lib/contract/api";
import { STRATEGIES } from "@/lib/contract/records";
import { GroupLag, InOutStats } from "@/lib/contract/socket";
import { judgeInOut, trackUnchanged, type Unchanged, type Verdict } from "@/lib/live/inout";
import { lagEpisode } from "@/lib/live/lag";
import { startApp, type RunningApp } from "../support/app";
import { waitFor } from "../support/kafka";

let app: RunningApp;
let socket: Socket | null = null;

const api = (path: string, init: RequestInit = {}) => fetch(`${app.url}${path}`, init);
const post = (path: string, body?: unknown) =>
  api(path, { method: "POST", ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }) });
const strategyView = async () => PipelineView.parse(await (await api("/api/pipeline")).json()).components.find((c) => c.name === "strategy")!;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  socket?.disconnect();
  await app?.stop();
});

describe("chaos, measured by the server", () => {
  it("after a SIGKILL of the transform the group lag rises and falls back, and every strategy's in = out comes out equal", async () => {
    expect(
      (await api("/api/settings", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ ratePerSecond: 20 }) })).status,
    ).toBe(200);
    socket = io(app.url, { transports: ["websocket"], forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket!.once("connect", () => resolve());
      socket!.once("connect_error", reject);
    });
    const lag: GroupLag[] = [];
    const verdicts: { at: number; v: Record<string, Verdict>; stats: InOutStats }[] = [];
    let unchanged: Unchanged = {};
    socket.on("lag:stats", (raw: unknown) => lag.push(GroupLag.parse(raw)));
    socket.on("inout:stats", (raw: unknown) => {
      const stats = InOutStats.parse(raw);
      const now = Date.now();
      unchanged = trackUnchanged(unchanged, stats, now);
      verdicts.push({ at: now, v: judgeInOut(stats, unchanged, now), stats });
    });
    socket.emit("lag:subscribe", { worker: "strategy" });
    socket.emit("inout:subscribe", {});

    expect((await post("/api/components/strategy/start")).status).toBe(202);
    for (const s of STRATEGIES) expect((await post(`/api/components/producer-${s}/start`)).status).toBe(202);
    await waitFor(async () => (await strategyView()).metrics?.generation != null, "the transform to join its group", 90_000);
    await waitFor(() => (verdicts.at(-1)?.stats.strategies ?? []).every((s) => s.output > 20), "results of every strategy", 90_000);
    const generationBefore = (await strategyView()).metrics!.generation!;

    const killedAt = Date.now();
    expect((await post("/api/components/strategy/kill", { instance: 0 })).status).toBe(202);
    const episode = () =>
      lagEpisode(
        lag.map((g) => ({ at: g.at, lag: g.total })),
        killedAt,
      );
    // 4 producers at 20/s write ~80 records a second while no one reads.
    await waitFor(() => episode().rose && episode().peak > episode().base + 50, "the measured lag to rise after the kill", 60_000);
    await waitFor(() => episode().fell, "the measured lag to fall back once the restarted transform catches up", 90_000);
    const peak = lag.find((g) => g.at === episode().peakAt)!;
    expect(peak.partitions.filter((p) => p.lag > 0).map((p) => p.topic)).toEqual(expect.arrayContaining(["A_input", "B_input", "C_input", "D_input"]));
    const view = await strategyView();
    expect(view.restarts).toBeGreaterThanOrEqual(1);
    // The restarted process learns its generation with its first heartbeat and reports it with its next
    // metrics: the backlog of a few seconds can be read and committed before that.
    await waitFor(
      async () => ((await strategyView()).metrics?.generation ?? 0) > generationBefore,
      "the restarted transform to report a newer group generation",
      30_000,
    );

    for (const s of STRATEGIES) expect((await post(`/api/components/producer-${s}/stop`)).status).toBe(202);
    const allEqual = () => {
      const last = verdicts.at(-1);
      return !!last && STRATEGIES.every((s) => last.v[s]?.state === "equal" && last.stats.strategies.find((x) => x.strategy === s)!.lag === 0);
    };
    await waitFor(allEqual, "every strategy's in = out verdict to be equal", 90_000);
    const last = verdicts.at(-1)!;
    for (const s of last.stats.strategies) expect(s.input).toBeGreaterThan(100);
    // Nothing was ever judged lost or duplicated on the way, with producers running or not.
    const wrong = verdicts.flatMap((r) =>
      Object.entries(r.v)
        .filter(([, v]) => v.state === "missing" || v.state === "duplicates" || v.state === "both")
        .map(([s, v]) => `${s} ${v.state} ${v.n}`),
    );
    expect(wrong).toEqual([]);
  }, 300_000);
});
