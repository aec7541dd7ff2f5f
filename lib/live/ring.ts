/**
 * The one bounded buffer of the lab (live series in the dashboard, component logs on the server): a new
 * array holding at most `max` items, newest last, so React state and log buffers stay bounded.
 */
export function appendBounded<T>(prev: readonly T[], next: readonly T[], max: number): T[] {
  if (next.length >= max) return next.slice(next.length - max);
  const keep = Math.max(0, max - next.length);
  return [...prev.slice(Math.max(0, prev.length - keep)), ...next];
}
