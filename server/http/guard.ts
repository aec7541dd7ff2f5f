import { timingSafeEqual } from "node:crypto";

/** What the guard needs to know of a request: the parts a browser or a script controls. */
export interface GuardRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export type GuardVerdict =
  | { kind: "allow" }
  | { kind: "deny"; status: 401 | 403; error: string }
  /** A valid `?token=` in the address: keep it in a cookie and drop it from the address. */
  | { kind: "remember"; cookie: string; location: string };

export const TOKEN_COOKIE = "lab_token";
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const header = (req: GuardRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function cookieValue(req: GuardRequest, name: string): string | undefined {
  for (const part of (header(req, "cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A request from a page of another site (a browser says so in Origin or Sec-Fetch-Site). */
export function isCrossOrigin(req: GuardRequest): boolean {
  if (header(req, "sec-fetch-site") === "cross-site") return true;
  const origin = header(req, "origin");
  if (!origin || origin === "null") return origin === "null";
  try {
    return new URL(origin).host !== header(req, "host");
  } catch {
    return true;
  }
}

/**
 * Who may use the dashboard: with a token configured, only who presents it (header, cookie, or
 * once in the address); and never a page of another site changing state, token or not.
 */
export function guard(req: GuardRequest, token: string | null): GuardVerdict {
  const url = new URL(req.url, "http://lab.invalid");
  if (STATE_CHANGING.has(req.method.toUpperCase()) && isCrossOrigin(req)) {
    return { kind: "deny", status: 403, error: "cross-origin requests may not change the lab: use the dashboard itself or a script without an Origin header" };
  }
  if (token === null) return { kind: "allow" };
  const bearer = header(req, "authorization")?.replace(/^Bearer\s+/i, "");
  if (sameToken(bearer, token) || sameToken(header(req, "x-dashboard-token"), token) || sameToken(cookieValue(req, TOKEN_COOKIE), token)) {
    return { kind: "allow" };
  }
  const fromQuery = url.searchParams.get("token");
  if (req.method.toUpperCase() === "GET" && sameToken(fromQuery ?? undefined, token)) {
    url.searchParams.delete("token");
    return {
      kind: "remember",
      cookie: `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`,
      location: `${url.pathname}${url.search}`,
    };
  }
  return {
    kind: "deny",
    status: 401,
    error: "this dashboard needs its DASHBOARD_TOKEN: open it once as /?token=<token>, or send the header Authorization: Bearer <token>",
  };
}
