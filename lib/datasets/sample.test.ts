import { describe, expect, it } from "vitest";
import { generateUserLog, USER_LOG_COLUMNS } from "./sample";

describe("generateUserLog", () => {
  const text = generateUserLog(2000);
  const rows = text
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));
  const col = (name: (typeof USER_LOG_COLUMNS)[number]) => rows.map((r) => r[USER_LOG_COLUMNS.indexOf(name)]!);
  const share = (values: string[], v: string) => values.filter((x) => x === v).length / values.length;

  it("is the same text from the same seed, and another from another seed", () => {
    expect(generateUserLog(2000)).toBe(text);
    expect(generateUserLog(2000, 1)).not.toBe(text);
  });

  it("has the seed's header and 11 values per row, months and days two digits, in day order", () => {
    expect(text.split("\n")[0]).toBe(USER_LOG_COLUMNS.join(","));
    expect(rows.every((r) => r.length === 11)).toBe(true);
    const days = rows.map((r) => `${r[5]}-${r[6]}`);
    expect(days.every((d) => /^\d{2}-\d{2}$/.test(d))).toBe(true);
    expect([...days].sort()).toEqual(days);
    expect(days[0]! >= "05-11" && days.at(-1) === "11-11").toBe(true);
  });

  it("draws actions mostly clicks, genders mostly women, ages and provinces from the seed's codes", () => {
    expect(share(col("action"), "0")).toBeGreaterThan(0.75);
    expect(new Set(col("action"))).toEqual(new Set(["0", "1", "2", "3"]));
    expect(share(col("gender"), "0")).toBeGreaterThan(0.5);
    expect(new Set(col("gender"))).toEqual(new Set(["0", "1", "2"]));
    expect(col("age_range").every((a) => /^[0-8]$/.test(a))).toBe(true);
    expect(col("province")).toContain("浙江");
    expect(share(col("day"), "11")).toBeGreaterThan(0.05);
  });
});
