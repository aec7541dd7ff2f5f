/**
 * Pure: the peer comparison's schedule, figures, medians, ratios (ours ÷ peer), who leads, and its table.
 * I/O lives in bench/lib/peer-systems.ts and bench/scenarios/peers.ts.
 */

export const OURS = "ours";
export type PeerName = "kafka-streams" | "spark";
export type SystemName = typeof OURS | PeerName;

export interface Slot {
  system: SystemName;
  round: number;
}

/**
 * The order the systems run in: each round runs ours, then every peer, so every peer run sits right
 * after one of ours and right before the next (ours, peer, ours, peer… with one peer); at least two rounds.
 */
export function interleave(peers: readonly PeerName[], rounds: number): Slot[] {
  const slots: Slot[] = [];
  if (!peers.length) return slots;
  for (let round = 1; round <= Math.max(2, rounds); round++) {
    slots.push({ system: OURS, round });
    for (const p of peers) slots.push({ system: p, round });
  }
  return slots;
}

/** One figure of the comparison: where it sits in a system's figures, and which way is better. */
export interface Figure {
  key: string;
  label: string;
  better: "higher" | "lower";
}

export const RATES = [1000, 10000] as const;

export const FIGURES: Figure[] = [
  { key: "drain.recPerSec", label: "drain rec/s (after start-up)", better: "higher" },
  { key: "drain.recPerSecWithStartup", label: "drain rec/s (with start-up)", better: "higher" },
  { key: "drain.cpuMsPer1kRecords", label: "drain CPU ms per 1,000 records (after start-up)", better: "lower" },
  { key: "drain.cpuSecondsWithStartup", label: "drain CPU s (with start-up)", better: "lower" },
  { key: "drain.peakRssMB", label: "drain peak RSS MB", better: "lower" },
  ...RATES.flatMap((r): Figure[] => [
    { key: `latency.${r}.outPerSec`, label: `outputs/s received at ${r} rec/s`, better: "higher" },
    { key: `latency.${r}.p50`, label: `latency p50 ms at ${r} rec/s`, better: "lower" },
    { key: `latency.${r}.p99`, label: `latency p99 ms at ${r} rec/s`, better: "lower" },
    { key: `latency.${r}.max`, label: `latency max ms at ${r} rec/s`, better: "lower" },
    { key: `latency.${r}.cpuSeconds`, label: `CPU s while measuring at ${r} rec/s`, better: "lower" },
    { key: `latency.${r}.peakRssMB`, label: `peak RSS MB at ${r} rec/s`, better: "lower" },
  ]),
];

/** A system's figures from one run (or their medians): figure key → value; a figure a run could not take is absent. */
export type Figures = Record<string, number>;

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The median of each figure over a system's runs (only the runs that took it). */
export function medians(runs: Figures[]): Figures {
  const out: Figures = {};
  for (const { key } of FIGURES) {
    const m = median(runs.map((r) => r[key]).filter((v): v is number => typeof v === "number" && Number.isFinite(v)));
    if (m !== null) out[key] = round(m, 2);
  }
  return out;
}

/** ours ÷ peer for each figure both have; null where either is missing or the peer's is 0. */
export function ratios(ours: Figures, peer: Figures): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const { key } of FIGURES) {
    const a = ours[key],
      b = peer[key];
    out[key] = a === undefined || b === undefined || b === 0 ? null : round(a / b, 3);
  }
  return out;
}

/** Within this band of 1 the two are called even: run-to-run noise on a loaded 2-core machine is larger. */
export const EVEN_BAND = 0.05;

export type Lead = typeof OURS | PeerName | "even" | null;

/** Who leads on one figure, from its ratio ours ÷ peer. */
export function leader(figure: Figure, ratio: number | null, peer: PeerName): Lead {
  if (ratio === null) return null;
  if (Math.abs(ratio - 1) <= EVEN_BAND) return "even";
  const oursHigher = ratio > 1;
  return oursHigher === (figure.better === "higher") ? OURS : peer;
}

export interface PeerRun {
  system: SystemName;
  round: number;
  figures: Figures;
  /** Drain output equal to our first drain's (same input): null for ours, or when either drain did not finish. */
  outputMatchesOurs: boolean | null;
  notes: string[];
}

export interface PeerSummary {
  figures: Figures;
  /** Whether its output equalled ours in every drain that finished (null when none could be compared). */
  outputMatchesOurs: boolean | null;
}

export interface PeerResults {
  ours: Figures;
  peers: Partial<Record<PeerName, PeerSummary>>;
  ratios: Partial<Record<PeerName, Record<string, number | null>>>;
  skipped: Partial<Record<PeerName, string>>;
}

/** Medians per system, the ratios, and whether each peer's output matched ours in every drain. */
export function shapePeerResults(runs: PeerRun[], skipped: Partial<Record<PeerName, string>>): PeerResults {
  const of = (s: SystemName) => runs.filter((r) => r.system === s);
  const ours = medians(of(OURS).map((r) => r.figures));
  const names = [...new Set(runs.map((r) => r.system))].filter((s): s is PeerName => s !== OURS);
  const out: PeerResults = { ours, peers: {}, ratios: {}, skipped };
  for (const name of names) {
    const checks = of(name)
      .map((r) => r.outputMatchesOurs)
      .filter((m): m is boolean => m !== null);
    const figures = medians(of(name).map((r) => r.figures));
    out.peers[name] = { figures, outputMatchesOurs: checks.length ? checks.every(Boolean) : null };
    out.ratios[name] = ratios(ours, figures);
  }
  return out;
}

/** The printed comparison: one row per figure, ours, each peer, the ratio, and who leads. */
export function peerTable(res: PeerResults): string {
  const names = Object.keys(res.peers) as PeerName[];
  const head = ["figure (median of runs)", OURS, ...names.flatMap((n) => [n, `ours÷${n}`, "leads"])];
  const rows = FIGURES.map((f) => [
    f.label,
    fmt(res.ours[f.key]),
    ...names.flatMap((n) => {
      const r = res.ratios[n]?.[f.key] ?? null;
      return [fmt(res.peers[n]?.figures[f.key]), r === null ? "—" : r.toFixed(2), leader(f, r, n) ?? "—"];
    }),
  ]);
  rows.push(["output equals ours", "—", ...names.flatMap((n) => [String(res.peers[n]?.outputMatchesOurs ?? "—"), "", ""])]);
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  const skipped = Object.entries(res.skipped).map(([n, why]) => `\n${n}: skipped: ${why}`);
  return [line(head), ...rows.map(line)].join("\n") + skipped.join("");
}

const fmt = (v: number | undefined) => (v === undefined ? "—" : v >= 100 ? String(Math.round(v)) : String(round(v, 2)));

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
