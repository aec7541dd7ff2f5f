import { describe, expect, it } from "vitest";
import { appendBounded } from "./ring";

describe("appendBounded", () => {
  it("appends and drops the oldest", () => {
    expect(appendBounded([1, 2, 3], [4, 5], 4)).toEqual([2, 3, 4, 5]);
    expect(appendBounded([1], [2, 3, 4, 5, 6], 3)).toEqual([4, 5, 6]);
    expect(appendBounded([], [], 3)).toEqual([]);
  });
});
