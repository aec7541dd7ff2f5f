import { inputTopic, type OutgoingRecord, type Strategy } from "../contract/records";

/** A uniform integer from 1 to n inclusive; `rng` returns [0, 1) but a bad 1 is clamped. */
function pick(n: number, rng: () => number): number {
  return Math.min(n, 1 + Math.floor(rng() * n));
}

/** One producer message for `X_input`, as the seed's producer makes it. */
export function makeInputMessage(strategy: Strategy, keys: number, rng: () => number, now: number): OutgoingRecord {
  const key = `user-${pick(Math.max(1, Math.floor(keys)), rng)}`;
  const value = pick(100, rng);
  return {
    topic: inputTopic(strategy),
    key,
    value: JSON.stringify({ strategy, value, ts: now }),
    timestamp: now,
  };
}
