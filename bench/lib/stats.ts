import * as hdr from "hdr-histogram-js";

/** Percentiles of a latency sample, taken with an HDR histogram (1 ms … 1 h, 3 significant digits). */
export interface Percentiles {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function latencyHistogram() {
  const h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000, numberOfSignificantValueDigits: 3 });
  return {
    record(ms: number): void {
      h.recordValue(Math.min(3_600_000, Math.max(1, Math.round(ms))));
    },
    get count(): number {
      return h.totalCount;
    },
    summary(): Percentiles {
      return {
        count: h.totalCount,
        p50: h.getValueAtPercentile(50),
        p99: h.getValueAtPercentile(99),
        max: h.maxValue,
      };
    },
  };
}
export type LatencyHistogram = ReturnType<typeof latencyHistogram>;

/** Records per second over an interval given in milliseconds; 0 when the interval is empty. */
export const perSecond = (records: number, ms: number): number => (ms > 0 ? (records * 1000) / ms : 0);

export const round = (n: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** Mean and max of a series of samples (e.g. RSS readings). */
export function seriesStats(xs: number[]): { mean: number; max: number; last: number } {
  if (!xs.length) return { mean: 0, max: 0, last: 0 };
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, max: Math.max(...xs), last: xs[xs.length - 1]! };
}
