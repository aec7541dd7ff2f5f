/** Picks at most `max` items spread evenly over the input, always keeping the newest. */
export function sampleEvenly<T>(items: readonly T[], max: number): T[] {
  if (max <= 0) return [];
  if (items.length <= max) return items.slice();
  const out: T[] = [];
  const step = items.length / max;
  for (let i = 1; i <= max; i++) out.push(items[Math.ceil(i * step) - 1] as T);
  return out;
}

export interface Summary {
  min: number;
  max: number;
  mean: number;
}

/** Running min / max / mean, so a batch can describe every value without keeping them. */
export class SummaryAccumulator {
  private n = 0;
  private sum = 0;
  private lo = Infinity;
  private hi = -Infinity;

  add(x: number): void {
    if (!Number.isFinite(x)) return;
    this.n++;
    this.sum += x;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  result(): Summary | null {
    return this.n === 0 ? null : { min: this.lo, max: this.hi, mean: this.sum / this.n };
  }
}
