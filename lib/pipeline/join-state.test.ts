import { describe, expect, it } from "vitest";
import type { JoinedValue } from "../contract/records";
import { JoinState, type JoinSide } from "./join-state";

const W = 300_000;
const DELAY = 1_800_000;
const side = (key: string, val: number, ts: number, offset = "0", partition = 0): JoinSide => ({ key, val, ts, partition, offset });
const pair = (c_val: number, d_val: number, c_ts: number, d_ts: number): JoinedValue => ({
  c_val,
  d_val,
  c_ts,
  d_ts,
  ts: Math.max(c_ts, d_ts),
});

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe("JoinState: the spec's worked example (W = 5 min, delay = 30 min)", () => {
  const run = () => {
    const j = new JoinState({ windowMs: W, watermarkDelayMs: DELAY });
    const steps = [
      j.addC(side("user-1", 58, 1000000, "0")),
      j.addD(side("user-1", 12, 1300000, "0")),
      j.addD(side("user-1", 7, 1300001, "1")),
      j.addD(side("user-2", 9, 1000000, "2")),
      j.addC(side("user-1", 20, 1300001, "1")),
      j.addD(side("user-1", 5, 999999, "3")),
    ];
    return { j, steps };
  };

  it("emits exactly the pairs of the table, step by step", () => {
    const { steps } = run();
    expect(steps.map((s) => s.matches)).toEqual([
      [],
      [{ c_val: 58, d_val: 12, c_ts: 1000000, d_ts: 1300000, ts: 1300000 }],
      [],
      [],
      [pair(20, 12, 1300001, 1300000), pair(20, 7, 1300001, 1300001)],
      [pair(58, 5, 1000000, 999999)],
    ]);
    expect(steps.every((s) => !s.late)).toBe(true);
  });

  it("has a watermark of min(maxC, maxD) − delay once both sides are seen", () => {
    const { j } = run();
    expect(j.watermark).toBe(1300001 - DELAY);
    expect(j.size()).toEqual({ c: 2, d: 4 });
  });

  it("keeps a record whose ts + W equals the watermark and evicts it 1 ms later", () => {
    const { j } = run();
    j.addC(side("user-9", 0, 3400001, "2"));
    j.addD(side("user-9", 0, 3400001, "4"));
    expect(j.watermark).toBe(1600001);
    // C 1 (offset 0) and D 2 (offset 0) are gone; C 5 and D 3 (offsets 1) sit exactly on the edge.
    expect(j.lowestBufferedOffset("C", 0)).toBe("1");
    expect(j.lowestBufferedOffset("D", 0)).toBe("1");
    expect(j.size()).toEqual({ c: 2, d: 2 });
    j.addC(side("user-9", 0, 3400002, "3"));
    j.addD(side("user-9", 0, 3400002, "5"));
    expect(j.watermark).toBe(1600002);
    expect(j.lowestBufferedOffset("C", 0)).toBe("2");
    expect(j.lowestBufferedOffset("D", 0)).toBe("4");
  });

  it("evicts every example record once maxC and maxD exceed 3400001, then drops a late D", () => {
    const { j } = run();
    expect(j.addC(side("user-9", 1, 3400002, "2")).matches).toEqual([]);
    expect(j.addD(side("user-9", 2, 3400002, "4")).matches).toEqual([pair(1, 2, 3400002, 3400002)]);
    expect(j.watermark).toBeGreaterThan(1600001);
    expect(j.size()).toEqual({ c: 1, d: 1 });
    const late = j.addD(side("user-1", 12, 1300000, "5"));
    expect(late).toEqual({ late: true, matches: [] });
    expect(j.lateDropped()).toBe(1);
    expect(j.size()).toEqual({ c: 1, d: 1 });
  });
});

describe("JoinState: window edges and arrival order", () => {
  const j10 = () => new JoinState({ windowMs: 10, watermarkDelayMs: 1e12 });

  it("includes both window edges and excludes 1 ms outside either", () => {
    const j = j10();
    j.addC(side("k", 1, 100));
    expect(j.addD(side("k", 2, 90)).matches).toEqual([pair(1, 2, 100, 90)]);
    expect(j.addD(side("k", 3, 110)).matches).toEqual([pair(1, 3, 100, 110)]);
    expect(j.addD(side("k", 4, 89)).matches).toEqual([]);
    expect(j.addD(side("k", 5, 111)).matches).toEqual([]);
  });

  it("finds the same pairs when D arrives before C", () => {
    const j = j10();
    for (const [v, ts] of [
      [2, 90],
      [3, 110],
      [4, 89],
      [5, 111],
    ] as const)
      j.addD(side("k", v, ts));
    expect(j.addC(side("k", 1, 100)).matches).toEqual([pair(1, 2, 100, 90), pair(1, 3, 100, 110)]);
  });

  it("orders matches by the other side's ts, ties in arrival order", () => {
    const j = j10();
    j.addD(side("k", 1, 105));
    j.addD(side("k", 2, 95));
    j.addD(side("k", 3, 105));
    j.addD(side("k", 4, 100));
    expect(j.addC(side("k", 0, 100)).matches.map((m) => m.d_val)).toEqual([2, 4, 1, 3]);
  });

  it("never joins across keys", () => {
    const j = j10();
    j.addC(side("a", 1, 100));
    expect(j.addD(side("b", 2, 100)).matches).toEqual([]);
  });

  it("joins with a zero window only on equal ts", () => {
    const j = new JoinState({ windowMs: 0, watermarkDelayMs: 1e12 });
    j.addC(side("k", 1, 100));
    expect(j.addD(side("k", 2, 101)).matches).toEqual([]);
    expect(j.addD(side("k", 3, 100)).matches).toEqual([pair(1, 3, 100, 100)]);
  });

  it("rejects a negative or non-finite configuration", () => {
    expect(() => new JoinState({ windowMs: -1, watermarkDelayMs: 0 })).toThrow(RangeError);
    expect(() => new JoinState({ windowMs: 1, watermarkDelayMs: NaN })).toThrow(RangeError);
  });
});

describe("JoinState: watermark and lateness", () => {
  it("has no watermark and drops nothing until both sides are seen", () => {
    const j = new JoinState({ windowMs: 10, watermarkDelayMs: 0 });
    j.addC(side("k", 1, 1_000_000));
    expect(j.watermark).toBeNull();
    expect(j.addC(side("k", 2, 5)).late).toBe(false);
    expect(j.size()).toEqual({ c: 2, d: 0 });
    j.addD(side("k", 3, 500));
    expect(j.watermark).toBe(500);
  });

  it("only moves the watermark forward", () => {
    const rnd = lcg(3);
    const j = new JoinState({ windowMs: 50, watermarkDelayMs: 100 });
    let last = -Infinity;
    for (let i = 0; i < 5000; i++) {
      const ts = Math.floor(i + rnd() * 400 - 200);
      (rnd() < 0.5 ? j.addC : j.addD).call(j, side(`k${i % 7}`, i, ts));
      const wm = j.watermark ?? -Infinity;
      expect(wm).toBeGreaterThanOrEqual(last);
      last = wm;
    }
  });

  it("counts late records and does not buffer or join them", () => {
    const j = new JoinState({ windowMs: 1000, watermarkDelayMs: 0 });
    j.addC(side("k", 1, 10_000, "5"));
    j.addD(side("k", 2, 10_000, "5"));
    expect(j.watermark).toBe(10_000);
    expect(j.addD(side("k", 3, 9_999, "6"))).toEqual({ late: true, matches: [] });
    expect(j.addC(side("k", 4, 9_000, "6"))).toEqual({ late: true, matches: [] });
    expect(j.lateDropped()).toBe(2);
    expect(j.size()).toEqual({ c: 1, d: 1 });
    // A record exactly at the watermark is on time.
    expect(j.addD(side("k", 5, 10_000, "7"))).toEqual({ late: false, matches: [pair(1, 5, 10_000, 10_000)] });
  });
});

type Rec = { side: "C" | "D"; key: string; val: number; ts: number };
const fmt = (key: string, m: JoinedValue) => `${key}|${m.c_val}|${m.d_val}|${m.c_ts}|${m.d_ts}|${m.ts}`;

/** The join by definition: every earlier on-time record of the other side, same key, within W. */
function reference(recs: Rec[], w: number, delay: number) {
  const seen: Rec[] = [];
  let maxC: number | null = null;
  let maxD: number | null = null;
  let wm: number | null = null;
  let late = 0;
  const steps = recs.map((r) => {
    if (wm !== null && r.ts < wm) {
      late++;
      return [];
    }
    const others = seen.filter((o) => o.side !== r.side && o.key === r.key && Math.abs(o.ts - r.ts) <= w);
    others.sort((a, b) => a.ts - b.ts); // stable: ties stay in arrival order
    seen.push(r);
    if (r.side === "C") maxC = Math.max(maxC ?? -Infinity, r.ts);
    else maxD = Math.max(maxD ?? -Infinity, r.ts);
    if (maxC !== null && maxD !== null) wm = Math.max(wm ?? -Infinity, Math.min(maxC, maxD) - delay);
    return others.map((o) => {
      const [c, d] = r.side === "C" ? [r, o] : [o, r];
      return fmt(r.key, pair(c.val, d.val, c.ts, d.ts));
    });
  });
  return { steps, late };
}

function runJoin(recs: Rec[], w: number, delay: number) {
  const j = new JoinState({ windowMs: w, watermarkDelayMs: delay });
  const steps = recs.map((r, i) => {
    const s = side(r.key, r.val, r.ts, String(i));
    const res = r.side === "C" ? j.addC(s) : j.addD(s);
    return res.matches.map((m) => fmt(r.key, m));
  });
  return { steps, late: j.lateDropped(), j };
}

function randomRecords(seed: number, n: number, keys: number, spread: (i: number, rnd: () => number) => number): Rec[] {
  const rnd = lcg(seed);
  return Array.from({ length: n }, (_, i) => ({
    side: rnd() < 0.5 ? "C" : "D",
    key: `user-${1 + Math.floor(rnd() * keys)}`,
    val: Math.floor(rnd() * 200) - 100,
    ts: spread(i, rnd),
  }));
}

describe("JoinState: against a brute-force reference join", () => {
  it.each([1, 2, 3, 4, 5])("finds the same multiset of pairs as all-pairs with no watermark (seed %i)", (seed) => {
    const recs = randomRecords(seed, 3000, 25, (_, rnd) => Math.floor(rnd() * 200_000));
    const w = 2000;
    const all: string[] = [];
    for (let a = 0; a < recs.length; a++) {
      for (let b = 0; b < recs.length; b++) {
        const [c, d] = [recs[a]!, recs[b]!];
        if (c.side === "C" && d.side === "D" && c.key === d.key && Math.abs(c.ts - d.ts) <= w) {
          all.push(fmt(c.key, pair(c.val, d.val, c.ts, d.ts)));
        }
      }
    }
    const got = runJoin(recs, w, 1e15);
    expect(got.late).toBe(0);
    expect(got.steps.flat().sort()).toEqual(all.sort());
    expect(all.length).toBeGreaterThan(100);
  });

  it.each([11, 12, 13])("matches the reference step by step with a live watermark, late drops and eviction (seed %i)", (seed) => {
    // Time advances with jitter wider than the delay, so some records are late and most are evicted.
    const recs = randomRecords(seed, 4000, 10, (i, rnd) => i * 10 + Math.floor(rnd() * 3000) - 1500);
    const ref = reference(recs, 500, 1000);
    const got = runJoin(recs, 500, 1000);
    expect(got.steps).toEqual(ref.steps);
    expect(got.late).toBe(ref.late);
    expect(ref.late).toBeGreaterThan(0);
    const { c, d } = got.j.size();
    expect(c + d).toBeLessThan(recs.length / 4);
  });
});

describe("JoinState: bounded state", () => {
  it("stays within rate × (2W + delay) while both inputs flow", () => {
    const w = 50;
    const delay = 100;
    const jitter = 20;
    const rnd = lcg(99);
    const j = new JoinState({ windowMs: w, watermarkDelayMs: delay });
    // One record per ms, alternating sides: 0.5 records/ms per side.
    const bound = 0.5 * (2 * w + delay + 2 * jitter) + 10;
    let maxSeen = 0;
    for (let t = 0; t < 100_000; t++) {
      const ts = t + Math.floor(rnd() * (2 * jitter + 1)) - jitter;
      const s = side(`user-${Math.floor(rnd() * 10_000)}`, 1, ts, String(t));
      if (t % 2 === 0) j.addC(s);
      else j.addD(s);
      const { c, d } = j.size();
      maxSeen = Math.max(maxSeen, c, d);
    }
    expect(maxSeen).toBeLessThanOrEqual(bound);
    expect(maxSeen).toBeGreaterThan(0.5 * (w + delay) - 10);
  });

  it("handles 100k records over 10,000 keys quickly", () => {
    const j = new JoinState({ windowMs: 300_000, watermarkDelayMs: 1_800_000 });
    const rnd = lcg(5);
    const started = performance.now();
    let matches = 0;
    for (let i = 0; i < 100_000; i++) {
      // 20,000 records/s of event time.
      const s = side(`user-${1 + Math.floor(rnd() * 10_000)}`, i, 1_000_000 + Math.floor(i / 20), String(i));
      matches += (i % 2 === 0 ? j.addC(s) : j.addD(s)).matches.length;
    }
    expect(matches).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("JoinState: offsets and partitions", () => {
  it("reports the lowest still-buffered offset per side and partition as records are evicted", () => {
    const j = new JoinState({ windowMs: 0, watermarkDelayMs: 0 });
    j.addC(side("k", 1, 100, "9"));
    j.addC(side("k", 2, 50, "10"));
    j.addC(side("k", 3, 200, "11"));
    j.addC(side("k", 4, 300, "4", 1));
    expect(j.lowestBufferedOffset("C", 0)).toBe("9");
    expect(j.lowestBufferedOffset("C", 1)).toBe("4");
    expect(j.lowestBufferedOffset("D", 0)).toBeNull();
    j.addD(side("x", 0, 60, "0")); // watermark 60: evicts C ts 50 (offset 10), not the lowest
    expect(j.lowestBufferedOffset("C", 0)).toBe("9");
    j.addD(side("x", 0, 150, "1")); // watermark 150: evicts C ts 100 (offset 9); D 60 too
    expect(j.lowestBufferedOffset("C", 0)).toBe("11");
    expect(j.lowestBufferedOffset("D", 0)).toBe("1");
    j.addD(side("x", 0, 1000, "2")); // watermark min(300, 1000) = 300: C 200 goes, C 300 stays
    expect(j.lowestBufferedOffset("C", 0)).toBeNull();
    expect(j.lowestBufferedOffset("C", 1)).toBe("4");
    expect(j.size()).toEqual({ c: 1, d: 1 });
  });

  it("compares offsets numerically, not as text, and handles 64-bit offsets", () => {
    const j = new JoinState({ windowMs: 0, watermarkDelayMs: 1e12 });
    j.addC(side("k", 1, 1, "99"));
    j.addC(side("k", 1, 1, "100"));
    expect(j.lowestBufferedOffset("C", 0)).toBe("99");
    const j2 = new JoinState({ windowMs: 0, watermarkDelayMs: 1e12 });
    j2.addC(side("k", 1, 1, "9223372036854775806"));
    j2.addC(side("k", 1, 1, "9223372036854775807"));
    expect(j2.lowestBufferedOffset("C", 0)).toBe("9223372036854775806");
  });

  it("does not hold back the offset of a late record", () => {
    const j = new JoinState({ windowMs: 0, watermarkDelayMs: 0 });
    j.addC(side("k", 1, 100, "1"));
    j.addD(side("k", 1, 100, "1"));
    j.addC(side("k", 1, 5, "2"));
    expect(j.lowestBufferedOffset("C", 0)).toBe("1");
  });

  it("forgets a revoked partition's records but keeps the other partitions and the watermark", () => {
    const j = new JoinState({ windowMs: 100, watermarkDelayMs: 1000 });
    j.addC(side("k", 1, 5000, "0", 0));
    j.addC(side("k", 2, 5000, "0", 1));
    j.addC(side("k", 3, 5001, "1", 0));
    j.addD(side("z", 0, 5000, "0", 0));
    const wm = j.watermark;
    j.dropPartition("C", 0);
    expect(j.size()).toEqual({ c: 1, d: 1 });
    expect(j.lowestBufferedOffset("C", 0)).toBeNull();
    expect(j.lowestBufferedOffset("C", 1)).toBe("0");
    expect(j.watermark).toBe(wm);
    expect(j.addD(side("k", 9, 5050, "1", 1)).matches).toEqual([pair(2, 9, 5000, 5050)]);
    // Eviction still works after the drop.
    j.addC(side("q", 0, 100_000, "2", 1));
    j.addD(side("q", 0, 100_000, "2", 0));
    expect(j.size()).toEqual({ c: 1, d: 1 });
    j.dropPartition("C", 7); // unknown partition: no-op
    expect(j.size()).toEqual({ c: 1, d: 1 });
  });
});

describe("JoinState: replay after a restart", () => {
  it("does not emit again a pair whose two records are both replayed", () => {
    const j = new JoinState({ windowMs: W, watermarkDelayMs: DELAY });
    expect(j.addC({ ...side("user-1", 58, 1_000_000), replayed: true }).matches).toEqual([]);
    expect(j.addD({ ...side("user-1", 12, 1_000_100), replayed: true }).matches).toEqual([]);
    expect(j.size()).toEqual({ c: 1, d: 1 });
  });

  it("emits a pair of a replayed record and a new one, in either order", () => {
    const j = new JoinState({ windowMs: W, watermarkDelayMs: DELAY });
    j.addC({ ...side("user-1", 58, 1_000_000), replayed: true });
    expect(j.addD(side("user-1", 12, 1_000_100)).matches).toEqual([pair(58, 12, 1_000_000, 1_000_100)]);
    expect(j.addC({ ...side("user-1", 7, 1_000_200), replayed: true }).matches).toEqual([pair(7, 12, 1_000_200, 1_000_100)]);
  });

  it("restores the watermark from the progress saved before the restart", () => {
    const before = new JoinState({ windowMs: W, watermarkDelayMs: DELAY });
    before.addC(side("user-1", 1, 5_000_000));
    before.addD(side("user-1", 1, 4_000_000));
    const after = new JoinState({ windowMs: W, watermarkDelayMs: DELAY });
    after.restoreProgress(before.progress());
    expect(after.watermark).toBe(before.watermark);
    expect(after.addD(side("user-2", 1, 4_000_000 - DELAY - 1)).late).toBe(true);
  });

  it("keeps a replayed record below the watermark only while it can still match", () => {
    const j = new JoinState({ windowMs: W, watermarkDelayMs: DELAY });
    j.restoreProgress({ maxC: 10_000_000, maxD: 10_000_000 });
    const wm = j.watermark!;
    j.addC({ ...side("user-1", 1, wm - W - 1), replayed: true });
    j.addC({ ...side("user-1", 2, wm - 10), replayed: true });
    expect(j.size().c).toBe(1);
    expect(j.lateDropped()).toBe(0);
  });
});
