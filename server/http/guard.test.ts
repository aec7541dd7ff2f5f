import { describe, expect, it } from "vitest";
import { guard, isCrossOrigin, parseTarget, sameSitePath, TOKEN_COOKIE, type GuardPolicy, type GuardRequest } from "./guard";
import { hostAllowList } from "./hosts";

const allowedHosts = hostAllowList({ host: "127.0.0.1", port: 3000, extra: ["lab.example.com"] });
const open: GuardPolicy = { token: null, allowedHosts };

const req = (method: string, url: string, headers: GuardRequest["headers"] = {}): GuardRequest => ({
  method,
  url,
  headers: { host: "127.0.0.1:3000", ...headers },
});

describe("guard without a token (loopback)", () => {
  it("lets pages, reads and same-origin changes through", () => {
    expect(guard(req("GET", "/"), open).kind).toBe("allow");
    expect(guard(req("POST", "/api/pipeline/start", { origin: "http://127.0.0.1:3000" }), open).kind).toBe("allow");
  });

  it("lets a script without an Origin header change state", () => {
    expect(guard(req("POST", "/api/pipeline/start"), open).kind).toBe("allow");
  });

  it("refuses a state change from another site with 403", () => {
    const v = guard(req("POST", "/api/pipeline/start", { origin: "http://evil.example" }), open);
    expect(v).toMatchObject({ kind: "deny", status: 403 });
  });

  it("refuses what the browser marks cross-site, and the opaque origin null", () => {
    expect(guard(req("PUT", "/api/settings", { "sec-fetch-site": "cross-site" }), open).kind).toBe("deny");
    expect(guard(req("PUT", "/api/settings", { origin: "null" }), open).kind).toBe("deny");
  });

  it("lets a cross-origin page only read", () => {
    expect(guard(req("GET", "/api/health", { origin: "http://evil.example" }), open).kind).toBe("allow");
  });
});

describe("guard and the Host header (DNS rebinding)", () => {
  it("refuses a name that is not the lab's with 421, naming the host and LAB_ALLOWED_HOSTS", () => {
    for (const method of ["GET", "POST"]) {
      const v = guard(req(method, "/api/settings", { host: "evil.example:3000", origin: "http://evil.example:3000" }), open);
      expect(v).toMatchObject({ kind: "deny", status: 421 });
      expect(v.kind === "deny" && v.error).toMatch(/"evil\.example:3000".*LAB_ALLOWED_HOSTS/);
    }
  });

  it("refuses a loopback name on another port, and a request without Host", () => {
    expect(guard(req("GET", "/", { host: "localhost:8080" }), open)).toMatchObject({ status: 421 });
    expect(guard(req("GET", "/", { host: undefined }), open)).toMatchObject({ status: 400 });
  });

  it("accepts every loopback name on the lab's port and the names of LAB_ALLOWED_HOSTS", () => {
    for (const host of ["127.0.0.1:3000", "localhost:3000", "LOCALHOST:3000", "[::1]:3000", "lab.example.com", "lab.example.com:8443"]) {
      expect(guard(req("GET", "/", { host }), open).kind, host).toBe("allow");
    }
  });

  it("refuses a state change whose Origin is a foreign name, even when Host is the lab's", () => {
    const v = guard(req("POST", "/api/pipeline/stop", { host: "127.0.0.1:3000", origin: "http://evil.example:3000" }), open);
    expect(v).toMatchObject({ kind: "deny", status: 403 });
  });
});

describe("guard and malformed requests", () => {
  it("answers 400 instead of throwing for `//`, a bad %-escape or a target that is not a path", () => {
    for (const url of ["//", "///x", "/%", "/topics?topic=%zz", "*", "http://evil.example/"]) {
      expect(guard(req("GET", url), open), url).toMatchObject({ kind: "deny", status: 400 });
      expect(guard(req("GET", url), { ...open, token: "t" }), url).toMatchObject({ kind: "deny", status: 400 });
    }
  });

  it("parses a path with its query, and refuses one that starts with // (another host)", () => {
    expect(parseTarget("/join/.//x?a=%20")?.pathname).toBe("/join//x");
    expect(parseTarget("//evil.example/x")).toBeNull();
  });
});

describe("guard with DASHBOARD_TOKEN", () => {
  const T = "s3cret-token";
  const withToken: GuardPolicy = { token: T, allowedHosts };

  it("refuses anyone without the token with 401 and says how to present it", () => {
    const v = guard(req("GET", "/api/health"), withToken);
    expect(v).toMatchObject({ kind: "deny", status: 401 });
    expect(v.kind === "deny" && v.error).toMatch(/token/);
  });

  it("accepts the token as a bearer header, its own header or the cookie", () => {
    expect(guard(req("GET", "/api/health", { authorization: `Bearer ${T}` }), withToken).kind).toBe("allow");
    expect(guard(req("GET", "/api/health", { "x-dashboard-token": T }), withToken).kind).toBe("allow");
    expect(guard(req("GET", "/", { cookie: `theme=dark; ${TOKEN_COOKIE}=${T}` }), withToken).kind).toBe("allow");
  });

  it("rejects a wrong or partial token", () => {
    expect(guard(req("GET", "/", { authorization: "Bearer s3cret" }), withToken).kind).toBe("deny");
    expect(guard(req("GET", "/", { cookie: `${TOKEN_COOKIE}=x` }), withToken).kind).toBe("deny");
  });

  it("answers a malformed token cookie with 400 saying how to replace it, and lets ?token= replace it", () => {
    const v = guard(req("GET", "/", { cookie: `${TOKEN_COOKIE}=%` }), withToken);
    expect(v).toMatchObject({ kind: "deny", status: 400 });
    expect(v.kind === "deny" && v.error).toMatch(/\?token=/);
    expect(guard(req("GET", `/?token=${T}`, { cookie: `${TOKEN_COOKIE}=%` }), withToken).kind).toBe("remember");
  });

  it("remembers a token given once in the address and drops it from the address", () => {
    const v = guard(req("GET", `/join?token=${T}&x=1`), withToken);
    expect(v).toMatchObject({ kind: "remember", location: "/join?x=1" });
    expect(v.kind === "remember" && v.cookie).toContain("HttpOnly");
  });

  it("never redirects to another site, whatever slashes the path starts with", () => {
    for (const path of ["/.//evil.example/", "/\\evil.example/", "/./\\/evil.example/", "/%2e//evil.example/"]) {
      const v = guard(req("GET", `${path}?token=${T}`), withToken);
      expect(v.kind === "remember" && v.location, path).toBe("/evil.example/");
    }
  });

  it("still refuses a cross-origin change even with the token", () => {
    expect(guard(req("POST", "/api/pipeline/stop", { origin: "http://evil.example", authorization: `Bearer ${T}` }), withToken).kind).toBe("deny");
  });
});

describe("isCrossOrigin", () => {
  it("treats an unparseable Origin, or one that is not http(s), as cross-origin", () => {
    expect(isCrossOrigin(req("POST", "/", { origin: "::::" }), allowedHosts)).toBe(true);
    expect(isCrossOrigin(req("POST", "/", { origin: "file://127.0.0.1:3000" }), allowedHosts)).toBe(true);
  });

  it("accepts an https Origin of an allowed name without a port (a TLS proxy in front)", () => {
    expect(isCrossOrigin(req("POST", "/", { host: "lab.example.com", origin: "https://lab.example.com" }), allowedHosts)).toBe(false);
  });
});

describe("sameSitePath", () => {
  it("collapses leading slashes and backslashes into one slash", () => {
    expect(sameSitePath("//a//b")).toBe("/a//b");
    expect(sameSitePath("/\\\\a")).toBe("/a");
    expect(sameSitePath("/join")).toBe("/join");
  });
});
