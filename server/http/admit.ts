import type http from "node:http";
import { bodyLimitFor, methodsFor, type HttpMethod } from "@/lib/contract/routes";
import type { Logger } from "@/lib/log";
import { declaresTooLarge, MAX_BODY_BYTES } from "./body";
import { guard, type GuardPolicy } from "./guard";

function answerJson(res: http.ServerResponse, status: number, error: string, headers: http.OutgoingHttpHeaders = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ error }));
}

/** For an API path the route table answers, but not with this method: the methods it does answer. */
function wrongMethod(method: string, url: string): HttpMethod[] | null {
  const pathname = url.split("?")[0] ?? "/";
  if (!pathname.startsWith("/api/")) return null;
  const allowed = methodsFor(pathname);
  const asked = method === "HEAD" ? "GET" : method;
  return allowed.length > 0 && !allowed.includes(asked as HttpMethod) && method !== "OPTIONS" ? allowed : null;
}

/** Apply the guard to a raw request; answer it here unless it may go on to Next.js. */
export function admit(req: http.IncomingMessage, res: http.ServerResponse, policy: GuardPolicy): boolean {
  const verdict = guard({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers }, policy);
  if (verdict.kind === "allow") {
    const limit = bodyLimitFor(req.method ?? "GET", (req.url ?? "/").split("?")[0] ?? "/", MAX_BODY_BYTES);
    if (declaresTooLarge(req.headers["content-length"], limit)) {
      // Refused before a byte of it is read; closing the connection spares reading the rest.
      answerJson(res, 413, `body too large: at most ${limit} bytes`, { connection: "close" });
      return false;
    }
    const allowed = wrongMethod(req.method ?? "GET", req.url ?? "/");
    if (!allowed) return true;
    answerJson(res, 405, `${req.method} is not answered here; use ${allowed.join(" or ")} (see docs/api.md)`, { allow: allowed.join(", ") });
    return false;
  }
  if (verdict.kind === "remember") {
    res.writeHead(302, { "set-cookie": verdict.cookie, location: verdict.location });
    res.end();
    return false;
  }
  answerJson(res, verdict.status, verdict.error);
  return false;
}

type Handle = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<unknown> | unknown;

/**
 * The HTTP server's request listener: the guard, then Next.js. Whatever one request makes go
 * wrong, in the guard or in Next.js, is logged and answered for that request alone: no client
 * can stop the lab.
 */
export function createRequestListener(policy: GuardPolicy, handle: Handle, log: Logger): http.RequestListener {
  return (req, res) => {
    let admitted: boolean;
    try {
      admitted = admit(req, res, policy);
    } catch (err) {
      log.warn({ err, url: req.url }, "could not read a request");
      answerJson(res, 400, "malformed request: its address, headers or cookies could not be read");
      return;
    }
    if (!admitted) return;
    new Promise((resolve) => resolve(handle(req, res))).catch((err: unknown) => {
      log.error({ err, url: req.url }, "request failed");
      answerJson(res, 500, "the lab failed to answer this request; its log says why");
    });
  };
}
