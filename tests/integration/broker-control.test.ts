import { afterAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { waitFor } from "../support/kafka";

const apps: RunningApp[] = [];
afterAll(() => Promise.all(apps.map((a) => a.stop())));

const health = async (app: RunningApp) => (await (await fetch(`${app.url}/api/health`)).json()) as { broker: { connected: boolean; mode: string } };

describe("the embedded broker under the dashboard's control", () => {
  it("stops and starts again from the API, and the dashboard sees the outage and the return", async () => {
    const port = Number(process.env.TEST_KAFKA_PORT ?? 19092) + 70;
    const app = await startApp({ KAFKA_BROKERS: "", KAFKA_PORT: String(port) });
    apps.push(app);
    await waitFor(async () => (await health(app)).broker.connected, "the embedded broker to be connected", 60_000);
    expect((await health(app)).broker.mode).toBe("embedded");

    const stopped = await fetch(`${app.url}/api/broker/stop`, { method: "POST" });
    expect(stopped.status).toBe(202);
    await waitFor(async () => !(await health(app)).broker.connected, "the outage to show", 30_000);

    const started = await fetch(`${app.url}/api/broker/start`, { method: "POST" });
    expect(started.status).toBe(202);
    await waitFor(async () => (await health(app)).broker.connected, "the broker to be back", 60_000);
  });

  it("refuses to stop a broker it does not run", async () => {
    const app = await startApp();
    apps.push(app);
    const res = await fetch(`${app.url}/api/broker/stop`, { method: "POST" });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatch(/external/);
  });
});

describe("DASHBOARD_TOKEN", () => {
  it("refuses requests without the token and accepts it as a header or, once, in the address", async () => {
    const app = await startApp({ DASHBOARD_TOKEN: "t0k-123" });
    apps.push(app);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/health`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await fetch(`${app.url}/api/health`, { headers: { authorization: "Bearer t0k-123" } })).status).toBe(200);
    const page = await fetch(`${app.url}/join?token=t0k-123`, { redirect: "manual" });
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/join");
    const cookie = page.headers.get("set-cookie")!.split(";")[0]!;
    expect((await fetch(`${app.url}/api/pipeline`, { headers: { cookie } })).status).toBe(200);
    const socket = await fetch(`${app.url}/socket.io/?EIO=4&transport=polling`);
    expect(socket.status).toBe(403);
  });
});
