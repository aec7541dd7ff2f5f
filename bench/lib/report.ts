/** Pure: the results file's required fields, the targets, and the printed table. */
type R = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A join "keeps up" only if it drops nothing as late, writes (nearly) every pair the contract asks for,
 * and ends with at most two seconds of input unread. A join that falls behind by more than the
 * watermark delay reads fast because it drops what it reads: that rate is not throughput.
 */
export function joinKeptUp(j: {
  matchesPerSec: number;
  expectedMatchesPerSec: number;
  lateDroppedPerSec: number;
  lagAtEnd: number;
  generatedPerSec: number;
}): boolean {
  return j.lateDroppedPerSec === 0 && j.matchesPerSec >= 0.95 * j.expectedMatchesPerSec && j.lagAtEnd <= 2 * j.generatedPerSec;
}

export function flatten(r: R): R {
  const lat = (k: string) => (r.latency?.[k]?.p99 !== undefined ? { p50: r.latency[k].p50, p99: r.latency[k].p99, max: r.latency[k].max } : null);
  return {
    rawCeiling: { msgsPerSec: r.throughput?.rawCeiling?.msgsPerSec ?? null },
    transform: { msgsPerSec: r.throughput?.transform?.msgsPerSec ?? null, latencyMs: { "1000": lat("1000"), "10000": lat("10000") } },
    join:
      r.join?.inputMsgsPerSec !== undefined
        ? {
            inputMsgsPerSec: r.join.inputMsgsPerSec,
            matchesPerSec: r.join.matchesPerSec,
            expectedMatchesPerSec: r.join.expectedMatchesPerSec,
            lateDroppedPerSec: r.join.lateDroppedPerSec,
            keptUp: joinKeptUp(r.join),
            p99Ms: r.join.p99Ms,
            peakStateRows: r.join.peakStateRows,
            rssGrowthMB: r.join.rssGrowthMB,
          }
        : null,
    page: r.page ? { eventsPerSec: r.page.eventsPerSec, longTasksOver100ms: r.page.longTasksOver100ms, heapGrowthMB: r.page.heapGrowthMB } : null,
    memory: r.memory ? { totalRssMB: r.memory.totalRssMB } : null,
    cluster: r.cluster?.totalRssMB ? { totalRssMB: r.cluster.totalRssMB.max, producedPerSec: r.cluster.producedPerSec } : null,
  };
}

export function targets(f: R): { target: string; met: boolean | null; value: string }[] {
  const t = (target: string, ok: boolean | null, value: string) => ({ target, met: ok, value });
  const raw = f.rawCeiling.msgsPerSec,
    tr = f.transform.msgsPerSec;
  return [
    t("transform ≥ 50% of raw ceiling", raw && tr !== null ? tr >= raw / 2 : null, raw ? `${tr} / ${raw} = ${Math.round((100 * tr) / raw)}%` : "n/a"),
    t(
      "transform p99 ≤ 25 ms at 1,000 rec/s",
      f.transform.latencyMs["1000"] ? f.transform.latencyMs["1000"].p99 <= 25 : null,
      `${f.transform.latencyMs["1000"]?.p99 ?? "n/a"} ms`,
    ),
    t("join ≥ 20,000 input rec/s", f.join ? f.join.keptUp && f.join.inputMsgsPerSec >= 20_000 : null, joinValue(f.join)),
    t(
      "join RSS growth < 50 MB",
      f.join ? f.join.rssGrowthMB < 50 : null,
      `${f.join?.rssGrowthMB ?? "n/a"} MB${f.join?.keptUp === false ? " (while falling behind)" : ""}`,
    ),
    t("page: no long task > 100 ms", f.page ? f.page.longTasksOver100ms === 0 : null, `${f.page?.longTasksOver100ms ?? "n/a"}`),
    t("page: heap growth < 10 MB", f.page ? f.page.heapGrowthMB < 10 : null, `${f.page?.heapGrowthMB ?? "n/a"} MB`),
    t("memory < 1.5 GB at 1,000 rec/s", f.memory ? f.memory.totalRssMB["1000"] < 1536 : null, `${f.memory?.totalRssMB["1000"] ?? "n/a"} MB`),
    t("cluster mode < 2.5 GB at 1,000 rec/s", f.cluster ? f.cluster.totalRssMB < 2560 : null, `${f.cluster?.totalRssMB ?? "n/a"} MB`),
  ];
}

function joinValue(j: R | null): string {
  if (!j) return "n/a";
  if (j.keptUp) return `${j.inputMsgsPerSec} rec/s, kept up`;
  return `${j.inputMsgsPerSec} rec/s read but fell behind: ${j.lateDroppedPerSec} rec/s dropped late, ${j.matchesPerSec} of ${j.expectedMatchesPerSec} pairs/s written`;
}

export function table(rows: { target: string; met: boolean | null; value: string }[]): string {
  const w = Math.max(...rows.map((r) => r.target.length));
  return rows.map((r) => `${r.target.padEnd(w)}  ${(r.met === null ? "—" : r.met ? "MET" : "NOT MET").padEnd(7)}  ${r.value}`).join("\n");
}
