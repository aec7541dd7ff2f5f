/**
 * The one home for waiting and trying again: the backoff every loop uses (Kafka calls, a worker joining
 * its group, committed offsets becoming stable, restarting a crashed process), a retry that asks the
 * error whether it is worth trying again, and polling until a condition holds. Pure but for the timers,
 * which tests replace.
 */

export interface Backoff {
  /** Delay before the first retry. */
  initialMs: number;
  /** No delay is longer than this. */
  maxMs: number;
  /** Each delay is `factor` times the one before (2 unless said). */
  factor?: number;
  /**
   * Up to this share of each delay is taken off at random (0..1), so that processes that failed together
   * do not all retry in the same instant. 0 unless said: a fixed schedule where order matters.
   */
  jitter?: number;
}

export const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The delay before retry number `attempt` (0-based). */
export function backoffMs(attempt: number, b: Backoff, random: () => number = Math.random): number {
  const full = Math.min(b.maxMs, b.initialMs * (b.factor ?? 2) ** Math.min(attempt, 30));
  return Math.round(full * (1 - (b.jitter ?? 0) * random()));
}

/** kafkajs's errors, and ours (lib/errors.ts), say whether trying again can help. */
export const isRetriable = (err: unknown): boolean => typeof err === "object" && err !== null && (err as { retriable?: unknown }).retriable === true;

export interface RetryPolicy extends Backoff {
  /** Tries in all, the first included. */
  attempts: number;
  /** Which errors are worth another try; the others are thrown at once. Every error unless said. */
  retriable?: (err: unknown) => boolean;
  /** Told before each pause, e.g. to log it. */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** `fn`'s value, trying again after a backoff while its error is retriable, up to `attempts` tries. */
export async function retry<T>(fn: () => Promise<T>, p: RetryPolicy): Promise<T> {
  const sleep = p.sleep ?? delay;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt + 1 >= p.attempts || !(p.retriable ?? (() => true))(err)) throw err;
      const ms = backoffMs(attempt, p, p.random);
      p.onRetry?.(err, attempt + 1, ms);
      await sleep(ms);
    }
  }
}

/** Polls `check` until it returns a value other than undefined; undefined on timeout. */
export async function pollUntil<T>(
  check: () => T | undefined | Promise<T | undefined>,
  opts: { timeoutMs: number; intervalMs?: number; sleep?: (ms: number) => Promise<void> },
): Promise<T | undefined> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await (opts.sleep ?? delay)(opts.intervalMs ?? 100);
  }
}

/** The promise's value, or undefined if it has not settled within `ms`; never keeps the process alive. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((r) => {
    timer = setTimeout(() => r(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
