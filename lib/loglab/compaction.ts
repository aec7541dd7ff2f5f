import type { KeyCount } from "@/lib/contract/log";

/** The profile table's keys: user-1 … user-PROFILE_KEYS. */
export const PROFILE_KEYS = 6;
const CITIES = ["Taipei", "Berlin", "Lagos", "Lima", "Osaka", "Oslo", "Pune"] as const;

/** The n-th update the profile feeder writes (n from 0): keys in turn, each time a new city and version. */
export function profileUpdate(n: number): { key: string; value: string } {
  const key = `user-${(n % PROFILE_KEYS) + 1}`;
  const version = Math.floor(n / PROFILE_KEYS) + 1;
  return { key, value: JSON.stringify({ city: CITIES[(n * 3) % CITIES.length], version }) };
}

export interface WrittenTally {
  produced: number;
  tombstones: number;
}

/** Count what was written per key: updates and tombstones (a null value). */
export function tallyWritten(into: Map<string, WrittenTally>, records: readonly { key: string; value: string | null }[]): void {
  for (const r of records) {
    const t = into.get(r.key) ?? { produced: 0, tombstones: 0 };
    t.produced++;
    if (r.value === null) t.tombstones++;
    into.set(r.key, t);
  }
}

/**
 * Per key: what was written against what the log holds now (null before the first scan), with the
 * value the log keeps last. Keys sorted by their number, so user-10 follows user-9.
 */
export function keyCounts(written: ReadonlyMap<string, WrittenTally>, inLog: readonly { key: string | null; value: string | null }[] | null): KeyCount[] {
  const held = new Map<string, { n: number; tombstones: number; latest: string | null }>();
  for (const r of inLog ?? []) {
    if (r.key === null) continue;
    const h = held.get(r.key) ?? { n: 0, tombstones: 0, latest: null };
    h.n++;
    if (r.value === null) h.tombstones++;
    h.latest = r.value;
    held.set(r.key, h);
  }
  const keys = [...new Set([...written.keys(), ...held.keys()])].sort((a, b) => keyNumber(a) - keyNumber(b) || a.localeCompare(b));
  return keys.map((key) => {
    const w = written.get(key) ?? { produced: 0, tombstones: 0 };
    const h = held.get(key);
    return {
      key,
      produced: w.produced,
      tombstonesProduced: w.tombstones,
      inLog: inLog === null ? null : (h?.n ?? 0),
      tombstonesInLog: inLog === null ? null : (h?.tombstones ?? 0),
      latest: h?.latest ?? null,
    };
  });
}

const keyNumber = (key: string) => Number(/(\d+)$/.exec(key)?.[1] ?? Infinity);
