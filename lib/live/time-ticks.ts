/** Round steps for a time axis, in ms: labels land on whole seconds, then on whole minutes. */
const STEPS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map((s) => s * 1000);

/**
 * Ticks for a time axis `widthPx` wide showing `from` … `from + span` (ms): on round times, and never
 * closer than `minGapPx`, so "09:21:49" labels do not run into each other on a narrow screen.
 */
export function timeTicks(from: number, span: number, widthPx: number, minGapPx = 72): number[] {
  if (span <= 0 || widthPx <= 0) return [];
  const msPerPx = span / widthPx;
  const step = STEPS_MS.find((s) => s / msPerPx >= minGapPx) ?? Math.ceil((minGapPx * msPerPx) / 3_600_000) * 3_600_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= from + span; t += step) ticks.push(t);
  return ticks;
}
