import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PipelineView } from "@/lib/contract/api";
import { InOutStats } from "@/lib/contract/socket";
import { topicNames } from "@/lib/contract/topics";
import { inOutVerdict, SETTLE_MS } from "@/lib/live/inout";
import { startApp, type RunningApp } from "../support/app";
import { testBrokers } from "../support/broker";
import { readEverything } from "../support/chaos";
import { tally } from "../support/delivery";
import { testKafka, waitFor } from "../support/kafka";

let app: RunningApp;
const kafka = testKafka(testBrokers().join(","));
let socket: Socket | null = null;

const post = (path: string, body?: unknown) =>
  fetch(
    `${app.url}${path}`,
    body === undefined ? { method: "POST" } : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  );
const strategy = async () => PipelineView.parse(await (await fetch(`${app.url}/api/pipeline`)).json()).components.find((c) => c.name === "strategy")!;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  socket?.disconnect();
  await app?.stop();
});

describe("the delivery experiment's API", () => {
  it("refuses a mode for anything but the transform, and a mode it does not know", async () => {
    const join = await post("/api/components/join/delivery", { mode: "at-most-once" });
    expect(join.status).toBe(400);
    expect((await join.json()).error).toMatch(/only the strategy transform/);
    expect((await post("/api/components/strategy/delivery", { mode: "sometimes" })).status).toBe(400);
    expect((await strategy()).deliveryMode).toBe("exactly-once");
  });

  it("restarts the transform in the mode chosen, keeps it across a SIGKILL, and goes back to exactly once", async () => {
    expect((await post("/api/components/strategy/start")).status).toBe(202);
    await waitFor(async () => (await strategy()).status === "running", "the transform to run");
    const firstPid = (await strategy()).pid;
    const res = await post("/api/components/strategy/delivery", { mode: "at-least-once" });
    expect(res.status).toBe(202);
    expect(PipelineView.parse(await res.json()).components.find((c) => c.name === "strategy")!.deliveryMode).toBe("at-least-once");
    await waitFor(async () => {
      const s = await strategy();
      return s.status === "running" && s.pid !== firstPid;
    }, "the transform to run again, as a new process");
    expect((await post("/api/components/strategy/kill", { instance: 0 })).status).toBe(202);
    await waitFor(
      async () => {
        const s = await strategy();
        return s.status === "running" && s.restarts > 0;
      },
      "the supervisor to restart the killed transform",
      90_000,
    );
    expect((await strategy()).deliveryMode).toBe("at-least-once");
    const back = await post("/api/components/strategy/delivery", { mode: "exactly-once" });
    expect(PipelineView.parse(await back.json()).components.find((c) => c.name === "strategy")!.deliveryMode).toBe("exactly-once");
  });

  it("the in = out feed counts the duplicates an at-least-once kill writes, as many as A_output really holds", async () => {
    const names = topicNames(app.topicPrefix);
    // Many keys keep the join's cost within what the settings allow at 200/s.
    const put = await fetch(`${app.url}/api/settings`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ratePerSecond: 200, keys: 10_000 }),
    });
    expect(put.status).toBe(200);
    expect((await post("/api/components/strategy/delivery", { mode: "at-least-once" })).status).toBe(202);
    expect((await post("/api/components/strategy/start")).status).toBe(202);
    expect((await post("/api/components/producer-A/start")).status).toBe(202);
    socket = io(app.url, { transports: ["websocket"], forceNew: true });
    let last: InOutStats | null = null;
    socket.on("inout:stats", (s: unknown) => (last = InOutStats.parse(s)));
    socket.emit("inout:subscribe", {});
    const rowA = () => (last as InOutStats | null)?.strategies.find((s) => s.strategy === "A") ?? null;
    const duplicated = () => {
      const a = rowA();
      return a ? a.output + a.deadLetters - a.handled : 0;
    };
    const before = (await strategy()).restarts;
    // Killed once its process has written for a while: what it wrote since its last commit is written again.
    await waitFor(
      async () => {
        const s = await strategy();
        return s.status === "running" && (s.instances[0]?.metrics?.recordsOutTotal ?? 0) >= 300;
      },
      "the transform to write results",
      90_000,
    );
    expect((await post("/api/components/strategy/kill", { instance: 0 })).status).toBe(202);
    await waitFor(async () => (await strategy()).restarts > before && duplicated() > 0, "the feed to report duplicates", 120_000);
    // Settle: no more inputs, everything committed; then the feed's counts are A_output's.
    expect((await post("/api/components/producer-A/stop")).status).toBe(202);
    const admin = kafka.admin();
    try {
      await waitFor(() => rowA()?.lag === 0, "the transform to commit every input of A", 120_000);
      const truth = tally(await admin.topicOffsets(names.name("A_input")), await readEverything(kafka, names.name("A_output"), false, 5000));
      expect(truth.duplicated).toBeGreaterThan(0);
      await waitFor(() => rowA()?.output === truth.outputs, "the feed to have read every output", 30_000);
      // Settled: lag 0, and the counts judged as if unchanged for the settling time.
      const verdict = inOutVerdict(rowA()!, SETTLE_MS);
      expect({ duplicated: verdict.duplicated, lost: verdict.lost, state: verdict.state }).toEqual({
        duplicated: truth.duplicated,
        lost: truth.missing,
        state: "duplicates",
      });
    } finally {
      await admin.disconnect();
    }
  });
});
