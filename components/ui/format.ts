/** Rates as a learner reads them: 0.97 → "1.0", 18234 → "18.2k". */
export function formatRate(n: number): string {
  if (n >= 10_000) return `${(n / 1000).toFixed(1)}k`;
  if (n >= 100) return Math.round(n).toString();
  return n.toFixed(1);
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

export function formatClock(ms: number): string {
  const d = new Date(ms);
  const pad = (x: number, w = 2) => String(x).padStart(w, "0");
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatShortClock(ms: number): string {
  const d = new Date(ms);
  const pad = (x: number) => String(x).padStart(2, "0");
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** CSS colour of a strategy's series. */
export const seriesColor = (s: string) => ({ A: "var(--series-a)", B: "var(--series-b)", C: "var(--series-c)", D: "var(--series-d)" })[s] ?? "var(--accent)";
