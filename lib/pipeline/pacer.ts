// Absorbs floating-point error in credit arithmetic (e.g. 0.1 × 10000 / 1000 landing just under 1).
const EPS = 1e-9;

function sanitizeRate(r: number): number {
  return Number.isFinite(r) && r > 0 ? r : 0;
}

/**
 * Says how many messages a producer should send now so that its long-run rate is exactly
 * `ratePerSecond`. The first call releases one message at once; after that, the n-th further
 * message is due n / rate seconds later. Counts are derived from elapsed time since an anchor
 * (not summed tick by tick), so no rounding error accumulates. After a stall, at most about
 * one second's worth is released at once; the rest of the backlog is forgiven.
 */
export class Pacer {
  private rate: number;
  private anchorMs: number | null = null;
  private lastMs = -Infinity;
  /** Credit (in messages) held at the anchor. */
  private baseCredit = 1;
  /** Messages released since the anchor. */
  private sent = 0;

  constructor(ratePerSecond: number) {
    this.rate = sanitizeRate(ratePerSecond);
  }

  get ratePerSecond(): number {
    return this.rate;
  }

  /** How many messages to send now. */
  due(nowMs: number): number {
    const now = this.observe(nowMs);
    let owed = Math.floor(this.credit(now) + EPS);
    if (owed <= 0) return 0;
    const cap = this.burstCap();
    if (owed > cap) {
      this.sent += owed - cap;
      owed = cap;
    }
    this.sent += owed;
    return owed;
  }

  /** Milliseconds until `due` would return at least 1 (0 if already due). */
  msUntilNext(nowMs: number): number {
    if (this.anchorMs === null) return 0;
    if (this.rate === 0) return Infinity;
    const missing = 1 - this.credit(Math.max(nowMs, this.lastMs));
    return missing <= EPS ? 0 : Math.ceil((missing * 1000) / this.rate - 1e-6);
  }

  /** Changes the rate from `nowMs` (default: the last time `due` was asked), keeping fractional credit. */
  setRate(ratePerSecond: number, nowMs?: number): void {
    const next = sanitizeRate(ratePerSecond);
    if (this.anchorMs !== null) {
      const at = Math.max(nowMs ?? this.lastMs, this.lastMs);
      this.baseCredit = this.credit(at);
      this.anchorMs = at;
      this.lastMs = at;
      this.sent = 0;
    }
    this.rate = next;
    this.baseCredit = Math.min(Math.max(this.baseCredit, 0), this.burstCap());
  }

  private burstCap(): number {
    return Math.max(1, Math.ceil(this.rate));
  }

  /** Unspent credit at `now`, in messages. */
  private credit(now: number): number {
    const elapsed = now - (this.anchorMs ?? now);
    return this.baseCredit + (elapsed * this.rate) / 1000 - this.sent;
  }

  // A clock that steps backwards is treated as standing still.
  private observe(nowMs: number): number {
    if (this.anchorMs === null) this.anchorMs = nowMs;
    this.lastMs = Math.max(this.lastMs, nowMs);
    return this.lastMs;
  }
}
