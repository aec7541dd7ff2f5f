import { describe, expect, it } from "vitest";
import { guard, isCrossOrigin, TOKEN_COOKIE, type GuardRequest } from "./guard";

const req = (method: string, url: string, headers: GuardRequest["headers"] = {}): GuardRequest => ({
  method,
  url,
  headers: { host: "127.0.0.1:3000", ...headers },
});

describe("guard without a token (loopback)", () => {
  it("lets pages, reads and same-origin changes through", () => {
    expect(guard(req("GET", "/"), null).kind).toBe("allow");
    expect(guard(req("POST", "/api/pipeline/start", { origin: "http://127.0.0.1:3000" }), null).kind).toBe("allow");
  });

  it("lets a script without an Origin header change state", () => {
    expect(guard(req("POST", "/api/pipeline/start"), null).kind).toBe("allow");
  });

  it("refuses a state change from another site with 403", () => {
    const v = guard(req("POST", "/api/pipeline/start", { origin: "http://evil.example" }), null);
    expect(v).toMatchObject({ kind: "deny", status: 403 });
  });

  it("refuses what the browser marks cross-site, and the opaque origin null", () => {
    expect(guard(req("PUT", "/api/settings", { "sec-fetch-site": "cross-site" }), null).kind).toBe("deny");
    expect(guard(req("PUT", "/api/settings", { origin: "null" }), null).kind).toBe("deny");
  });

  it("lets a cross-origin page only read", () => {
    expect(guard(req("GET", "/api/health", { origin: "http://evil.example" }), null).kind).toBe("allow");
  });
});

describe("guard with DASHBOARD_TOKEN", () => {
  const T = "s3cret-token";

  it("refuses anyone without the token with 401 and says how to present it", () => {
    const v = guard(req("GET", "/api/health"), T);
    expect(v).toMatchObject({ kind: "deny", status: 401 });
    expect(v.kind === "deny" && v.error).toMatch(/token/);
  });

  it("accepts the token as a bearer header, its own header or the cookie", () => {
    expect(guard(req("GET", "/api/health", { authorization: `Bearer ${T}` }), T).kind).toBe("allow");
    expect(guard(req("GET", "/api/health", { "x-dashboard-token": T }), T).kind).toBe("allow");
    expect(guard(req("GET", "/", { cookie: `theme=dark; ${TOKEN_COOKIE}=${T}` }), T).kind).toBe("allow");
  });

  it("rejects a wrong or partial token", () => {
    expect(guard(req("GET", "/", { authorization: "Bearer s3cret" }), T).kind).toBe("deny");
    expect(guard(req("GET", "/", { cookie: `${TOKEN_COOKIE}=x` }), T).kind).toBe("deny");
  });

  it("remembers a token given once in the address and drops it from the address", () => {
    const v = guard(req("GET", `/join?token=${T}&x=1`), T);
    expect(v).toMatchObject({ kind: "remember", location: "/join?x=1" });
    expect(v.kind === "remember" && v.cookie).toContain("HttpOnly");
  });

  it("still refuses a cross-origin change even with the token", () => {
    expect(guard(req("POST", "/api/pipeline/stop", { origin: "http://evil.example", authorization: `Bearer ${T}` }), T).kind).toBe("deny");
  });
});

describe("isCrossOrigin", () => {
  it("treats an unparseable Origin as cross-origin", () => {
    expect(isCrossOrigin(req("POST", "/", { origin: "::::" }))).toBe(true);
  });
});
