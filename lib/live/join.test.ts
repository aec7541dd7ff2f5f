import { describe, expect, it } from "vitest";
import type { JoinSideRecord } from "@/lib/contract/socket";
import { explainPair, inState, linkMatches } from "./join-explain";
import { Watermark } from "./watermark";

const W = 300_000;
const rec = (side: "C" | "D", key: string | null, val: number, ts: number, offset = "0", late = false): JoinSideRecord => ({
  side,
  key,
  val,
  ts,
  partition: 0,
  offset,
  late,
});

describe("explainPair (worked example of pipeline.md)", () => {
  const c1 = rec("C", "user-1", 58, 1_000_000);
  it("matches at the inclusive edge", () => {
    expect(explainPair(c1, rec("D", "user-1", 12, 1_300_000), W)).toEqual({ kind: "match" });
    expect(explainPair(c1, rec("D", "user-1", 5, 700_000), W)).toEqual({ kind: "match" });
  });
  it("says by how much a D is outside the band", () => {
    expect(explainPair(c1, rec("D", "user-1", 7, 1_300_001), W)).toEqual({ kind: "too_late", byMs: 1 });
    expect(explainPair(rec("C", "user-1", 20, 1_300_001), rec("D", "user-1", 5, 999_999), W)).toEqual({
      kind: "too_early",
      byMs: 2,
    });
  });
  it("never joins other keys, missing keys or late records", () => {
    expect(explainPair(c1, rec("D", "user-2", 9, 1_000_000), W)).toEqual({ kind: "other_key" });
    expect(explainPair(rec("C", null, 1, 1), rec("D", null, 1, 1), W)).toEqual({ kind: "other_key" });
    expect(explainPair(c1, rec("D", "user-1", 1, 1_000_000, "1", true), W)).toEqual({ kind: "late_record", side: "D" });
  });
});

describe("Watermark", () => {
  it("has none until both sides were seen, then trails the slower side by the delay", () => {
    const w = new Watermark(1_800_000);
    expect(w.observe("C", 1_000_000)).toBe(false);
    expect(w.value).toBeNull();
    w.observe("D", 3_400_002);
    expect(w.value).toBe(1_000_000 - 1_800_000);
    w.observe("C", 3_400_002);
    expect(w.value).toBe(1_600_002);
  });
  it("marks records below it late, which do not move it, and never goes back", () => {
    const w = new Watermark(0);
    w.observe("C", 100);
    w.observe("D", 100);
    expect(w.observe("D", 50)).toBe(true);
    expect(w.value).toBe(100);
    w.setDelay(1000);
    w.observe("C", 200);
    expect(w.value).toBe(100);
  });
});

describe("linkMatches", () => {
  it("ties each emitted pair to the records on screen", () => {
    const c = rec("C", "user-1", 58, 1_000_000, "3");
    const d = rec("D", "user-1", 12, 1_300_000, "9");
    const other = rec("D", "user-2", 12, 1_300_000, "10");
    const links = linkMatches(
      [c, d, other],
      [
        { key: "user-1", c_val: 58, d_val: 12, c_ts: 1_000_000, d_ts: 1_300_000 },
        { key: "user-3", c_val: 1, d_val: 1, c_ts: 1, d_ts: 1 },
      ],
    );
    expect(links).toEqual([{ c, d }]);
  });
});

describe("inState", () => {
  it("keeps a record until the watermark passes its window", () => {
    expect(inState({ ts: 1000, late: false }, 100, null)).toBe(true);
    expect(inState({ ts: 1000, late: false }, 100, 1100)).toBe(true);
    expect(inState({ ts: 1000, late: false }, 100, 1101)).toBe(false);
    expect(inState({ ts: 1000, late: true }, 100, null)).toBe(false);
  });
});
