import { describe, expect, it } from "vitest";
import { InputAlignment, maxInputSkewMs, WAITING_MIN_RECORDS, type SideProgress } from "./input-alignment";

const BIG = WAITING_MIN_RECORDS + 1;
const at = (C: number | null, D: number | null, lagC = BIG, lagD = BIG): SideProgress => ({ maxTs: { C, D }, lag: { C: lagC, D: lagD } });

describe("InputAlignment", () => {
  it("reads both sides while they are within the allowed skew", () => {
    const a = new InputAlignment(10_000);
    expect(a.update(at(100_000, 90_000))).toBeNull();
    expect(a.update(at(90_000, 100_000))).toBeNull();
  });

  it("pauses the side that is ahead by more than the skew while the other has records waiting", () => {
    expect(new InputAlignment(10_000).update(at(100_001, 90_000))).toBe("C");
    expect(new InputAlignment(10_000).update(at(90_000, 100_001))).toBe("D");
  });

  it("does not pause a side whose partner has nothing waiting: there is nothing to catch up with", () => {
    expect(new InputAlignment(10_000).update(at(200_000, 90_000, BIG, 0))).toBeNull();
    expect(new InputAlignment(10_000).update(at(200_000, 90_000, BIG, WAITING_MIN_RECORDS))).toBeNull();
  });

  it("keeps the side paused until the other is within half the skew, then reads both again", () => {
    const a = new InputAlignment(10_000);
    expect(a.update(at(120_000, 100_000))).toBe("C");
    expect(a.update(at(120_000, 110_000))).toBe("C");
    expect(a.update(at(120_000, 114_999))).toBe("C");
    expect(a.update(at(120_000, 115_000))).toBeNull();
    expect(a.pausedSide).toBeNull();
  });

  it("resumes the paused side as soon as the other has nothing left to read, however far behind it is", () => {
    const a = new InputAlignment(10_000);
    expect(a.update(at(120_000, 100_000))).toBe("C");
    expect(a.update(at(120_000, 101_000, BIG, 0))).toBeNull();
  });

  it("never pauses before both sides have been read", () => {
    const a = new InputAlignment(10_000);
    expect(a.update(at(1_000_000, null))).toBeNull();
    expect(a.update(at(null, 1_000_000))).toBeNull();
  });

  it("forgets a pause on reset (after a rebalance)", () => {
    const a = new InputAlignment(10_000);
    a.update(at(120_000, 100_000));
    a.reset();
    expect(a.pausedSide).toBeNull();
  });

  it("allows a window plus the watermark delay of skew, at least 5 s", () => {
    expect(maxInputSkewMs(5_000, 10_000)).toBe(15_000);
    expect(maxInputSkewMs(300_000, 30_000)).toBe(330_000);
    expect(maxInputSkewMs(0, 1_000)).toBe(5_000);
  });
});
