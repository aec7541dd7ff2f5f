import http from "node:http";
import { Readable } from "node:stream";
import { io as connectSocket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestListener } from "@/server/http/admit";
import { hostAllowList } from "@/server/http/hosts";
import { createLogger } from "@/lib/log";
import { startApp, type RunningApp } from "../support/app";
import { rssOf } from "../support/proc";

const TOKEN = "hardening-token";
let app: RunningApp;
let tokenApp: RunningApp;

beforeAll(async () => {
  [app, tokenApp] = await Promise.all([startApp(), startApp({ DASHBOARD_TOKEN: TOKEN })]);
});
afterAll(async () => {
  keepAlive.destroy();
  await Promise.all([app?.stop(), tokenApp?.stop()]);
});

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface RawRequest {
  method?: string;
  /** Sent exactly as given (fetch would normalise `//` and `/./`). */
  path: string;
  headers?: http.OutgoingHttpHeaders;
  body?: Readable;
}

/**
 * Keep-alive, as browsers and curl ask: the server then answers a refused body while still
 * reading the rest, instead of closing (agent: false asks for `Connection: close`, and a close
 * while the client is still sending can reset the connection before the client reads the answer).
 */
const keepAlive = new http.Agent({ keepAlive: true });

/** One request with node:http, which, unlike fetch, sends any path and any Host header. */
function raw(target: RunningApp, { method = "GET", path, headers = {}, body }: RawRequest): Promise<RawAnswer> {
  const { port } = new URL(target.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers, agent: keepAlive });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => {
        resolve({ status: res.statusCode!, headers: res.headers, body: text });
        body?.destroy();
        req.destroy();
      });
      res.on("error", reject);
    });
    // Once the answer is in, the server may close while the client is still sending: not an error.
    req.on("error", (err) => answered || reject(err));
    if (body) body.pipe(req);
    else req.end();
  });
}

const errorOf = (answer: RawAnswer) => (JSON.parse(answer.body) as { error: string }).error;
const hostOf = (target: RunningApp) => new URL(target.url).host;

/** The lab is still up: its process lives and answers /api/health. */
async function expectHealthy(target: RunningApp) {
  expect(() => process.kill(target.pid, 0)).not.toThrow();
  const auth: Record<string, string> = target === tokenApp ? { authorization: `Bearer ${TOKEN}` } : {};
  expect((await fetch(`${target.url}/api/health`, { headers: auth })).status).toBe(200);
  expect(target.output()).not.toMatch(/unexpected error|Invalid URL|URI malformed/);
}

function* chunks(total: number, size = 64 * 1024): Generator<Buffer> {
  const chunk = Buffer.alloc(size, 0x20);
  for (let sent = 0; sent < total; sent += size) yield chunk;
}

describe("malformed requests", () => {
  it("answers `//`, a bad %-escape in the path and in the query with 400 JSON, and the lab stays up", async () => {
    for (const target of [app, tokenApp]) {
      for (const path of ["//", "/%", "/api/health?x=%zz"]) {
        const answer = await raw(target, { path });
        expect(answer.status, path).toBe(400);
        expect(errorOf(answer), path).toMatch(/malformed request address/);
      }
      await expectHealthy(target);
    }
  });

  it("answers a malformed token cookie with 400 JSON before authentication, and the lab stays up", async () => {
    const answer = await raw(tokenApp, { path: "/api/health", headers: { cookie: "lab_token=%" } });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatch(/lab_token cookie is malformed/);
    await expectHealthy(tokenApp);
  });
});

describe("a route asked with another method", () => {
  it("is answered 405 JSON naming the methods it answers, in the Allow header too; OPTIONS and HEAD still reach the route", async () => {
    const answer = await raw(app, { method: "DELETE", path: "/api/settings" });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, PUT");
    expect(errorOf(answer)).toMatch(/DELETE is not answered here; use GET or PUT/);
    const kill = await raw(app, { method: "GET", path: "/api/components/join/kill" });
    expect([kill.status, kill.headers.allow]).toEqual([405, "POST"]);
    expect((await raw(app, { method: "HEAD", path: "/api/health" })).status).toBe(200);
    expect((await raw(app, { method: "DELETE", path: "/api/no-such-route" })).status).toBe(404);
    await expectHealthy(app);
  });
});

describe("a foreign Host (DNS rebinding)", () => {
  const evil = () => `evil.example:${new URL(app.url).port}`;

  it("is answered 421 for reads and changes, naming the host and LAB_ALLOWED_HOSTS, and changes nothing", async () => {
    const before = await (await fetch(`${app.url}/api/settings`)).json();
    const headers = { host: evil(), origin: `http://${evil()}`, "content-type": "application/json" };
    const read = await raw(app, { path: "/api/settings", headers: { host: evil() } });
    const change = await raw(app, {
      method: "PUT",
      path: "/api/settings",
      headers,
      body: Readable.from([JSON.stringify({ ratePerSecond: before.ratePerSecond + 1 })]),
    });
    const stop = await raw(app, { method: "POST", path: "/api/components/producer-A/stop", headers });
    for (const answer of [read, change, stop]) {
      expect(answer.status).toBe(421);
      expect(errorOf(answer)).toContain(evil());
      expect(errorOf(answer)).toContain("LAB_ALLOWED_HOSTS");
    }
    expect(await (await fetch(`${app.url}/api/settings`)).json()).toEqual(before);
    expect((await raw(app, { path: "/api/settings", headers: { host: hostOf(app) } })).status).toBe(200);
  });

  it("cannot open a socket.io session, by polling or by websocket, where the lab's own name can", async () => {
    const handshake = "/socket.io/?EIO=4&transport=polling";
    expect((await raw(app, { path: handshake, headers: { host: evil() } })).status).toBe(403);
    expect((await raw(app, { path: handshake, headers: { host: hostOf(app) } })).status).toBe(200);

    const connects = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connectSocket(app.url, { transports: ["websocket"], extraHeaders: { host }, reconnection: false, timeout: 10_000 });
        socket.once("connect", () => (socket.close(), resolve(true)));
        socket.once("connect_error", () => (socket.close(), resolve(false)));
      });
    expect(await connects(evil())).toBe(false);
    expect(await connects(hostOf(app))).toBe(true);
  });
});

describe("request bodies", () => {
  it("refuses a declared Content-Length over the limit with 413 before reading the body", async () => {
    const answer = await raw(app, {
      method: "PUT",
      path: "/api/settings",
      headers: { "content-type": "application/json", "content-length": String(200 * 1024 * 1024) },
      body: Readable.from(chunks(64 * 1024)),
    });
    expect(answer.status).toBe(413);
    expect(errorOf(answer)).toMatch(/body too large/);
  });

  it("refuses a 100 MB chunked body with 413 while the server's memory stays flat", async () => {
    const put = (total: number) =>
      raw(app, { method: "PUT", path: "/api/settings", headers: { "content-type": "application/json" }, body: Readable.from(chunks(total)) });
    // Warm the route up (Next.js loads it on first use), so only the body could cost memory below.
    expect((await put(1024 * 1024)).status).toBe(413);
    const baseline = rssOf(app.pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(app.pid))), 10);
    try {
      const answer = await put(100 * 1024 * 1024);
      expect(answer.status).toBe(413);
      expect(errorOf(answer)).toMatch(/body too large/);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, rssOf(app.pid));
    expect(peak - baseline).toBeLessThan(20 * 1024 * 1024);
    await expectHealthy(app);
  });
});

describe("?token= in the address", () => {
  it("redirects only to a path of the lab itself, never to `//another.site`", async () => {
    for (const path of ["/.//evil.example/", "/\\evil.example/"]) {
      const answer = await raw(tokenApp, { path: `${path}?token=${TOKEN}` });
      expect(answer.status, path).toBe(302);
      expect(answer.headers.location, path).toBe("/evil.example/");
      expect(answer.headers["set-cookie"]?.[0]).toMatch(/^lab_token=/);
    }
  });
});

describe("the request listener", () => {
  it("answers 500 when the Next.js handler throws or rejects, and goes on serving", async () => {
    const failures = [
      () => {
        throw new Error("thrown");
      },
      () => Promise.reject(new Error("rejected")),
    ];
    const handle = (_req: http.IncomingMessage, res: http.ServerResponse) => failures.shift()?.() ?? res.end("served");
    const policy = { token: null, allowedHosts: hostAllowList({ host: "127.0.0.1", port: 1, extra: ["127.0.0.1"] }) };
    const server = http.createServer(createRequestListener(policy, handle, createLogger("test", "silent")));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
      for (const _ of [1, 2]) {
        const res = await fetch(url);
        expect(res.status).toBe(500);
        expect((await res.json()).error).toMatch(/failed to answer/);
      }
      expect(await (await fetch(url)).text()).toBe("served");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
