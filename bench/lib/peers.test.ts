import { describe, expect, it } from "vitest";
import { FIGURES, interleave, leader, median, medians, peerTable, ratios, shapePeerResults, type Figure, type PeerRun } from "./peers";

const figure = (key: string): Figure => FIGURES.find((f) => f.key === key)!;

describe("interleave", () => {
  it("runs ours before every peer in each round, at least two rounds", () => {
    expect(interleave(["kafka-streams"], 1).map((s) => `${s.system}${s.round}`)).toEqual(["ours1", "kafka-streams1", "ours2", "kafka-streams2"]);
    expect(interleave(["kafka-streams", "spark"], 2).map((s) => s.system)).toEqual(["ours", "kafka-streams", "spark", "ours", "kafka-streams", "spark"]);
    expect(interleave(["spark"], 3)).toHaveLength(6);
  });

  it("has nothing to run without a peer", () => {
    expect(interleave([], 2)).toEqual([]);
  });
});

describe("median and medians", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("takes each figure over the runs that have it, leaving out figures no run took", () => {
    const m = medians([{ "drain.recPerSec": 100, "latency.1000.p99": 40 }, { "drain.recPerSec": 300 }, { "drain.recPerSec": 200, "latency.1000.p99": NaN }]);
    expect(m).toEqual({ "drain.recPerSec": 200, "latency.1000.p99": 40 });
  });
});

describe("ratios", () => {
  it("divides ours by the peer's, null where either is missing or the peer's is 0", () => {
    const r = ratios({ "drain.recPerSec": 30_000, "latency.1000.p99": 50, "drain.peakRssMB": 100 }, { "drain.recPerSec": 20_000, "latency.1000.p99": 0 });
    expect(r["drain.recPerSec"]).toBe(1.5);
    expect(r["latency.1000.p99"]).toBeNull();
    expect(r["drain.peakRssMB"]).toBeNull();
    expect(Object.keys(r)).toEqual(FIGURES.map((f) => f.key));
  });
});

describe("leader", () => {
  it("reads the ratio by which way the figure is better", () => {
    expect(leader(figure("drain.recPerSec"), 1.5, "spark")).toBe("ours");
    expect(leader(figure("drain.recPerSec"), 0.5, "spark")).toBe("spark");
    expect(leader(figure("latency.1000.p99"), 0.5, "kafka-streams")).toBe("ours");
    expect(leader(figure("latency.1000.p99"), 2, "kafka-streams")).toBe("kafka-streams");
  });

  it("calls ratios within 5 % of 1 even, and has no leader without a ratio", () => {
    expect(leader(figure("drain.recPerSec"), 1.04, "spark")).toBe("even");
    expect(leader(figure("drain.recPerSec"), 0.96, "spark")).toBe("even");
    expect(leader(figure("drain.recPerSec"), null, "spark")).toBeNull();
  });
});

describe("shapePeerResults and peerTable", () => {
  const run = (system: PeerRun["system"], round: number, recPerSec: number, outputMatchesOurs: boolean | null = null): PeerRun => ({
    system,
    round,
    figures: { "drain.recPerSec": recPerSec, "latency.1000.p99": system === "ours" ? 40 : 120 },
    outputMatchesOurs,
    notes: [],
  });
  const runs = [run("ours", 1, 10_000), run("kafka-streams", 1, 4_000, true), run("ours", 2, 12_000), run("kafka-streams", 2, 6_000, true)];

  it("gives medians per system, ratios ours ÷ peer, and whether the output matched ours in every drain", () => {
    const res = shapePeerResults(runs, { spark: "python3 not found" });
    expect(res.ours["drain.recPerSec"]).toBe(11_000);
    expect(res.peers["kafka-streams"]).toEqual({ figures: { "drain.recPerSec": 5_000, "latency.1000.p99": 120 }, outputMatchesOurs: true });
    expect(res.ratios["kafka-streams"]?.["drain.recPerSec"]).toBe(2.2);
    expect(res.ratios["kafka-streams"]?.["latency.1000.p99"]).toBe(0.333);
    expect(res.skipped).toEqual({ spark: "python3 not found" });
    expect(shapePeerResults([...runs, run("kafka-streams", 3, 5_000, false)], {}).peers["kafka-streams"]?.outputMatchesOurs).toBe(false);
    expect(shapePeerResults([run("ours", 1, 1), run("spark", 1, 1)], {}).peers.spark?.outputMatchesOurs).toBeNull();
  });

  it("prints one row per figure with who leads, the output check and why a peer was skipped", () => {
    const text = peerTable(shapePeerResults(runs, { spark: "python3 not found" }));
    const row = (label: string) => text.split("\n").find((l) => l.startsWith(label))!;
    expect(row("drain rec/s (after start-up)")).toMatch(/11000\s+5000\s+2\.20\s+ours/);
    expect(row("latency p99 ms at 1000 rec/s")).toMatch(/40\s+120\s+0\.33\s+ours/);
    expect(row("drain peak RSS MB")).toMatch(/—\s+—\s+—\s+—/);
    expect(row("output equals ours")).toContain("true");
    expect(text).toContain("spark: skipped: python3 not found");
  });
});
