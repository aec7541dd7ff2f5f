import type { LogLine } from "@/lib/contract/api";
import { appendBounded } from "@/lib/live/ring";

/** How many of the newest lines a repeat is looked for in: a flood interleaved with a few other lines still collapses. */
export const COLLAPSE_LOOKBACK = 20;

export interface CollapseOptions {
  capacity: number;
  lookback?: number;
}

const sameMessage = (a: LogLine, b: LogLine) => a.level === b.level && a.msg === b.msg;

/** How many times a (possibly collapsed) line was logged. */
export const occurrences = (line: LogLine) => line.count ?? 1;

/**
 * Append a line, folding it into a recent line with the same level and message: that line moves to the
 * end with the latest time and one more in its count. So ~100 identical warnings are one line "×100",
 * and they cannot push an error out of a bounded buffer. A line that already carries a count (the
 * server's collapsed line, received again by the dashboard) replaces the older copy with its own count.
 * Returns a new array of at most `capacity` lines, oldest first.
 */
export function appendCollapsed(lines: readonly LogLine[], line: LogLine, opts: CollapseOptions): LogLine[] {
  const lookback = opts.lookback ?? COLLAPSE_LOOKBACK;
  const from = Math.max(0, lines.length - lookback);
  let match = -1;
  let previous: LogLine | undefined;
  for (let i = lines.length - 1; i >= from && !previous; i--) {
    const candidate = lines[i];
    if (candidate && sameMessage(candidate, line)) [match, previous] = [i, candidate];
  }
  const next = match < 0 ? [...lines] : [...lines.slice(0, match), ...lines.slice(match + 1)];
  const count = line.count ?? (previous ? occurrences(previous) + 1 : 1);
  next.push(count > 1 ? { ...line, count } : line);
  return appendBounded([], next, opts.capacity);
}
