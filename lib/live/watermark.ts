/**
 * The join's watermark as spec'd in pipeline.md: min(max C time, max D time) − delay,
 * none until both sides were seen, never moving back.
 */
export class Watermark {
  private maxC: number | null = null;
  private maxD: number | null = null;
  private current: number | null = null;

  constructor(private delayMs: number) {}

  setDelay(delayMs: number): void {
    this.delayMs = delayMs;
  }

  get value(): number | null {
    return this.current;
  }

  /** True when a record with this event time would be dropped as late on arrival. */
  isLate(ts: number): boolean {
    return this.current !== null && ts < this.current;
  }

  /** Records one arrival and says whether it was late; late records do not move the maxima. */
  observe(side: "C" | "D", ts: number): boolean {
    if (this.isLate(ts)) return true;
    if (side === "C") this.maxC = this.maxC === null ? ts : Math.max(this.maxC, ts);
    else this.maxD = this.maxD === null ? ts : Math.max(this.maxD, ts);
    if (this.maxC !== null && this.maxD !== null) {
      const next = Math.min(this.maxC, this.maxD) - this.delayMs;
      if (this.current === null || next > this.current) this.current = next;
    }
    return false;
  }
}
