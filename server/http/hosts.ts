/**
 * Which names the lab answers to. A browser sends the name it used in `Host`; a page of another
 * site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own name, which is not ours.
 */

/** One allowed name; `port: null` allows that name on any port. */
export interface HostEntry {
  name: string;
  port: number | null;
}

export type HostAllowList = readonly HostEntry[];

export const LOOPBACK_NAMES: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

/** `HOST` as given in the configuration (bare IPv6 such as `::1` included) is a loopback interface. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.includes(bracketed(host.toLowerCase()));
}

const bracketed = (name: string) => (name.includes(":") && !name.startsWith("[") ? `[${name}]` : name);

const HOST_SYNTAX = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

/** `name` or `name:port` (IPv6 in brackets), lower-cased; null when it is not one. */
export function parseHost(value: string): HostEntry | null {
  const match = HOST_SYNTAX.exec(value.trim().toLowerCase());
  if (!match) return null;
  if (match[2] === undefined) return { name: match[1]!, port: null };
  const port = Number(match[2]);
  return port >= 1 && port <= 65535 ? { name: match[1]!, port } : null;
}

/**
 * The loopback names on the lab's port, the configured `HOST` itself (on that port) when it is
 * not loopback, and the extra entries of `LAB_ALLOWED_HOSTS` (an entry without a port allows any).
 */
export function hostAllowList(config: { host: string; port: number; extra: readonly string[] }): HostAllowList {
  const list: HostEntry[] = LOOPBACK_NAMES.map((name) => ({ name, port: config.port }));
  const own = bracketed(config.host.toLowerCase());
  if (!isLoopback(own)) list.push({ name: own, port: config.port });
  for (const entry of config.extra) {
    const parsed = parseHost(entry);
    if (parsed) list.push(parsed);
  }
  return list;
}

/**
 * Whether a `Host` header (or an Origin's host) names the lab. A header without a port means
 * the scheme's default port, which matches only entries without a port or with that port.
 */
export function isAllowedHost(list: HostAllowList, value: string | undefined, defaultPort = 80): boolean {
  if (value === undefined) return false;
  const given = parseHost(value);
  if (!given) return false;
  const port = given.port ?? defaultPort;
  return list.some((e) => e.name === given.name && (e.port === null || e.port === port));
}
