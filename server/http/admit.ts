import type http from "node:http";
import { guard } from "./guard";

/** Apply the guard to a raw request; answer it here unless it may go on to Next.js. */
export function admit(req: http.IncomingMessage, res: http.ServerResponse, token: string | null): boolean {
  const verdict = guard({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers }, token);
  if (verdict.kind === "allow") return true;
  if (verdict.kind === "remember") {
    res.writeHead(302, { "set-cookie": verdict.cookie, location: verdict.location });
    res.end();
    return false;
  }
  res.writeHead(verdict.status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: verdict.error }));
  return false;
}
