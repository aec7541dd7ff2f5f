import { formatElapsed } from "./broker/format-step";

export interface ReadyLineInput {
  /** When the start began: `npm start`'s own start when it passed one, else this process's. */
  startedAt: number;
  now: number;
  host: string;
  port: number;
  token: string | null;
}

/** The address a person opens: a wildcard listen address is reached on loopback; IPv6 needs brackets. */
export function dashboardUrl(host: string, port: number, token: string | null): string {
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  const shown = reachable.includes(":") ? `[${reachable}]` : reachable;
  return `http://${shown}:${port}${token ? `/?token=${encodeURIComponent(token)}` : ""}`;
}

/** The last line of the start: how long the whole start took, and what to do next. */
export function readyLine(r: ReadyLineInput): string {
  const took = formatElapsed(Math.max(0, r.now - r.startedAt));
  return `[lab] ✓ Ready in ${took} — open ${dashboardUrl(r.host, r.port, r.token)}, press Start, or go to /learn for the lessons`;
}
