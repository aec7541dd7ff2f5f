/**
 * How often the stream loop starts a transaction (Kafka Streams' commit.interval.ms, but adaptive).
 * Every transaction costs the same ~8 requests whatever it holds, so at high input rates fewer and
 * larger ones save CPU per record. At low rates a short floor (15 ms) still saves a fifth of the CPU
 * at 1,000 rec/s with no worse p99, since a transaction there takes 10–20 ms anyway (bench/README.md,
 * item 27); longer waits only add latency, as there is little to batch. The interval between
 * transaction starts and the size a transaction may grow to follow the input rate (records handed in
 * per second, decayed over `rateWindowMs`). Pure: the clock is given.
 */
export interface CommitIntervalOptions {
  /** Up to this rate, transactions start at most every `minIntervalMs`. */
  lowRatePerSec: number;
  minIntervalMs: number;
  /** From this rate on, transactions start at most every `maxIntervalMs` (linearly between). */
  highRatePerSec: number;
  maxIntervalMs: number;
  /** A transaction's outputs stay around this size at low rates… */
  minGroupBytes: number;
  /** …and may grow to this at high rates (a backlog drains in fewer transactions). */
  maxGroupBytes: number;
  rateWindowMs: number;
}

export const DEFAULT_COMMIT_INTERVAL: CommitIntervalOptions = {
  lowRatePerSec: 2_000,
  minIntervalMs: 15,
  highRatePerSec: 20_000,
  maxIntervalMs: 40,
  minGroupBytes: 1024 * 1024,
  maxGroupBytes: 4 * 1024 * 1024,
  rateWindowMs: 1_000,
};

export interface CommitInterval {
  /** `n` input records were handed in for the next transaction. */
  arrived(n: number): void;
  /** A transaction starts now. */
  started(): void;
  /** How long to wait before the next transaction may start (0: at once). */
  waitMs(): number;
  /** How large (approximate output bytes) the next transaction may grow. */
  groupBytes(): number;
  /** The input rate the policy sees, records per second. */
  ratePerSec(): number;
}

export function createCommitInterval(clock: () => number, o: CommitIntervalOptions = DEFAULT_COMMIT_INTERVAL): CommitInterval {
  // An exponentially decayed count: `level` records seen, fading with time constant rateWindowMs.
  let level = 0;
  let levelAt = clock();
  let lastStart: number | null = null;
  const decayTo = (now: number) => {
    if (now > levelAt) level *= Math.exp(-(now - levelAt) / o.rateWindowMs);
    levelAt = Math.max(levelAt, now);
  };
  const rate = () => {
    decayTo(clock());
    return (level * 1000) / o.rateWindowMs;
  };
  /** 0 at or below the low rate, 1 at or above the high rate, linear between. */
  const load = () => Math.min(1, Math.max(0, (rate() - o.lowRatePerSec) / (o.highRatePerSec - o.lowRatePerSec)));
  return {
    arrived(n) {
      decayTo(clock());
      level += n;
    },
    started() {
      lastStart = clock();
    },
    waitMs() {
      if (lastStart === null) return 0;
      const interval = o.minIntervalMs + load() * (o.maxIntervalMs - o.minIntervalMs);
      return Math.max(0, Math.round(lastStart + interval - clock()));
    },
    groupBytes: () => Math.round(o.minGroupBytes + load() * (o.maxGroupBytes - o.minGroupBytes)),
    ratePerSec: rate,
  };
}
