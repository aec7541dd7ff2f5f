import { describe, expect, it } from "vitest";
import type { LogLine } from "@/lib/contract/api";
import { appendCollapsed } from "./collapse";

const line = (at: number, msg: string, level = "warn"): LogLine => ({ at, level, msg });
const pushAll = (input: LogLine[], capacity = 200) => input.reduce<LogLine[]>((acc, l) => appendCollapsed(acc, l, { capacity }), []);

describe("appendCollapsed", () => {
  it("folds consecutive identical lines into one with a count and the latest time", () => {
    const out = pushAll([line(1, "concurrent transaction"), line(2, "concurrent transaction"), line(3, "concurrent transaction")]);
    expect(out).toEqual([{ at: 3, level: "warn", msg: "concurrent transaction", count: 3 }]);
  });

  it("keeps a single line without a count", () => {
    expect(pushAll([line(1, "running", "info")])).toEqual([{ at: 1, level: "info", msg: "running" }]);
  });

  it("does not fold lines that differ in level or message", () => {
    const out = pushAll([line(1, "a"), line(2, "a", "error"), line(3, "b")]);
    expect(out.map((l) => [l.level, l.msg, l.count])).toEqual([
      ["warn", "a", undefined],
      ["error", "a", undefined],
      ["warn", "b", undefined],
    ]);
  });

  it("folds a repeat among recent lines and moves it after them, so times stay in order", () => {
    const out = pushAll([line(1, "flood"), line(2, "other", "info"), line(3, "flood")]);
    expect(out).toEqual([line(2, "other", "info"), { ...line(3, "flood"), count: 2 }]);
  });

  it("does not fold a repeat older than the lookback", () => {
    const input = [line(0, "old"), ...Array.from({ length: 5 }, (_, i) => line(i + 1, `n${i}`)), line(9, "old")];
    const out = input.reduce<LogLine[]>((acc, l) => appendCollapsed(acc, l, { capacity: 200, lookback: 3 }), []);
    expect(out.filter((l) => l.msg === "old")).toHaveLength(2);
  });

  it("keeps an error in a full buffer however long a flood of identical warnings lasts", () => {
    const fill = Array.from({ length: 199 }, (_, i) => line(i, `line ${i}`, "info"));
    const flood = Array.from({ length: 1000 }, (_, i) => line(1000 + i, "concurrent transaction"));
    const out = pushAll([...fill, line(500, "broker gone", "error"), ...flood]);
    expect(out).toHaveLength(200);
    expect(out.some((l) => l.level === "error" && l.msg === "broker gone")).toBe(true);
    expect(out.at(-1)).toEqual({ at: 1999, level: "warn", msg: "concurrent transaction", count: 1000 });
  });

  it("drops the oldest lines beyond capacity", () => {
    const out = pushAll([line(1, "a"), line(2, "b"), line(3, "c")], 2);
    expect(out.map((l) => l.msg)).toEqual(["b", "c"]);
  });

  it("replaces the older copy when the line already carries its total count (the dashboard receiving the server's line)", () => {
    const seen = [line(1, "flood"), { ...line(2, "flood"), count: 2 }].reduce<LogLine[]>((acc, l) => appendCollapsed(acc, l, { capacity: 300 }), []);
    const out = appendCollapsed(seen, { ...line(5, "flood"), count: 5 }, { capacity: 300 });
    expect(out).toEqual([{ ...line(5, "flood"), count: 5 }]);
  });
});
