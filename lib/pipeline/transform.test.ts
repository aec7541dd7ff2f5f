import { describe, expect, it } from "vitest";
import { VALUE_MAX, VALUE_MIN } from "../contract/records";
import { strategyResult } from "./transform";

// Copied verbatim from the spec (shared/spec/pipeline.md), values 1…100 in order.
const SPEC_TABLE = `
  1-10:   2   4   6   8  10  12  14  16  18  20
 11-20:  22  24  26  28  30  32  34  36  38  40
 21-30:  42  44  46  48  50  52  54  56  58  55
 31-40:  56  58  59  61  62  64  65  67  68  70
 41-50:  71  73  74  76  77  79  80  82  83  85
 51-60:  86  88  89  91  92  94  95  97  98 100
 61-70:  37  38  39  40  42  43  44  46  47  49
 71-80:  50  51  53  54  56  57  59  60  62  64
 81-90:  65  67  68  70  72  73  75  77  79  81
 91-100: 82  84  86  88  90  92  94  96  98 100
`;

const expected = SPEC_TABLE.trim()
  .split("\n")
  .flatMap((line) => line.split(":")[1]!.trim().split(/\s+/).map(Number));

describe("strategyResult", () => {
  it("matches the spec's table for every value the producers make (1…100)", () => {
    expect(expected).toHaveLength(100);
    const actual = Array.from({ length: 100 }, (_, i) => strategyResult(i + 1));
    expect(actual).toEqual(expected);
  });

  it("doubles below 30 and switches to ×1.5+10 at exactly 30", () => {
    expect(strategyResult(29)).toBe(58);
    expect(strategyResult(30)).toBe(55);
  });

  it("keeps ×1.5+10 up to and including 60 and switches to v²/100 at 61", () => {
    expect(strategyResult(60)).toBe(100);
    expect(strategyResult(61)).toBe(37);
  });

  it("applies the same formula to negatives (-7 → -14)", () => {
    expect(strategyResult(-7)).toBe(-14);
    expect(strategyResult(-1)).toBe(-2);
    expect(strategyResult(0)).toBe(0);
  });

  it("handles the extremes of the valid range", () => {
    expect(strategyResult(VALUE_MIN)).toBe(-20000);
    expect(strategyResult(VALUE_MAX)).toBe(1_000_000);
  });

  it("truncates toward zero rather than rounding", () => {
    expect(strategyResult(31)).toBe(56); // 56.5
    expect(strategyResult(99)).toBe(98); // 98.01
  });

  it("always returns an integer across the whole valid range", () => {
    for (let v = VALUE_MIN; v <= VALUE_MAX; v++) {
      const r = strategyResult(v);
      if (!Number.isInteger(r) || Object.is(r, -0)) throw new Error(`bad result ${r} for ${v}`);
    }
  });
});
