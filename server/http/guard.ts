import { timingSafeEqual } from "node:crypto";
import { isAllowedHost, type HostAllowList } from "./hosts";

/** What the guard needs to know of a request: the parts a browser or a script controls. */
export interface GuardRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** What the guard checks against: the token (if any) and the names the lab answers to. */
export interface GuardPolicy {
  token: string | null;
  allowedHosts: HostAllowList;
}

export type GuardVerdict =
  | { kind: "allow" }
  | { kind: "deny"; status: 400 | 401 | 403 | 421; error: string }
  /** A valid `?token=` in the address: keep it in a cookie and drop it from the address. */
  | { kind: "remember"; cookie: string; location: string };

export const TOKEN_COOKIE = "lab_token";
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const header = (req: GuardRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const deny = (status: 400 | 401 | 403 | 421, error: string): GuardVerdict => ({ kind: "deny", status, error });

/** Quote what a client sent in an error message, cut short. */
const quote = (given: string) => JSON.stringify(given.length > 100 ? `${given.slice(0, 100)}…` : given);

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The cookie's value; null when it is there but not valid %-encoding. */
function cookieValue(req: GuardRequest, name: string): string | null | undefined {
  for (const part of (header(req, "cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decoded(v.join("="));
  }
  return undefined;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (given === undefined || given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The request target as a URL, or null unless it is a path (starting with one `/`, as `//x`
 * would name another host) whose %-escapes are all valid.
 */
export function parseTarget(target: string): URL | null {
  if (!target.startsWith("/") || target.startsWith("//")) return null;
  try {
    const url = new URL(`http://lab.invalid${target}`);
    return decoded(url.pathname) === null || decoded(url.search) === null ? null : url;
  } catch {
    return null;
  }
}

/** A path of this site to redirect to: never `//host` or `/\host`, which a browser reads as another site. */
export function sameSitePath(path: string): string {
  return `/${path.replace(/^[/\\]+/, "")}`;
}

/**
 * A request from a page of another site: a browser says so in Sec-Fetch-Site, or sends an
 * Origin that is not the Host it asked, or not a name the lab answers to.
 */
export function isCrossOrigin(req: GuardRequest, allowedHosts: HostAllowList): boolean {
  if (header(req, "sec-fetch-site") === "cross-site") return true;
  const origin = header(req, "origin");
  if (!origin || origin === "null") return origin === "null";
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return true;
    return url.host !== header(req, "host")?.toLowerCase() || !isAllowedHost(allowedHosts, url.host, url.protocol === "https:" ? 443 : 80);
  } catch {
    return true;
  }
}

/**
 * Who may use the dashboard: only by a name it answers to (so a page of another site cannot
 * point its own name at it); with a token configured, only who presents it (header, cookie, or
 * once in the address); and never a page of another site changing state, token or not.
 * Never throws: whatever a client sends is answered with a verdict.
 */
export function guard(req: GuardRequest, policy: GuardPolicy): GuardVerdict {
  const host = header(req, "host");
  if (!host) return deny(400, "the request has no Host header");
  if (!isAllowedHost(policy.allowedHosts, host)) {
    return deny(
      421,
      `this lab does not answer to the host ${quote(host)}: open it as http://localhost:<port>, or, if that name is yours, add it to LAB_ALLOWED_HOSTS (e.g. LAB_ALLOWED_HOSTS=${quote(host).slice(1, -1)})`,
    );
  }
  const url = parseTarget(req.url);
  if (!url)
    return deny(400, `malformed request address ${quote(req.url)}: it must be a path starting with a single / and every % must start an escape like %20`);
  if (STATE_CHANGING.has(req.method.toUpperCase()) && isCrossOrigin(req, policy.allowedHosts)) {
    return deny(403, "cross-origin requests may not change the lab: use the dashboard itself or a script without an Origin header");
  }
  const { token } = policy;
  if (token === null) return { kind: "allow" };
  const bearer = header(req, "authorization")?.replace(/^Bearer\s+/i, "");
  const cookie = cookieValue(req, TOKEN_COOKIE);
  if (sameToken(bearer, token) || sameToken(header(req, "x-dashboard-token"), token) || sameToken(cookie, token)) {
    return { kind: "allow" };
  }
  const fromQuery = url.searchParams.get("token");
  if (req.method.toUpperCase() === "GET" && sameToken(fromQuery, token)) {
    url.searchParams.delete("token");
    return {
      kind: "remember",
      cookie: `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`,
      location: `${sameSitePath(url.pathname)}${url.search}`,
    };
  }
  if (cookie === null) return deny(400, `the ${TOKEN_COOKIE} cookie is malformed: open the dashboard once as /?token=<token> to replace it`);
  return deny(401, "this dashboard needs its DASHBOARD_TOKEN: open it once as /?token=<token>, or send the header Authorization: Bearer <token>");
}
