import { describe, expect, it } from "vitest";
import { InjectedRecords } from "./injected";

describe("InjectedRecords", () => {
  it("knows an injected record by its side, key and event time, and nothing else", () => {
    const injected = new InjectedRecords(() => 0);
    injected.remember("D", "user-1", 1_000);
    expect(injected.has("D", "user-1", 1_000)).toBe(true);
    expect(injected.has("C", "user-1", 1_000)).toBe(false);
    expect(injected.has("D", "user-2", 1_000)).toBe(false);
    expect(injected.has("D", "user-1", 1_001)).toBe(false);
  });

  it("keeps only the newest records, and forgets them after a while", () => {
    let now = 0;
    const injected = new InjectedRecords(() => now, 2, 60_000);
    for (const ts of [1, 2, 3]) injected.remember("C", "k", ts);
    expect([1, 2, 3].map((ts) => injected.has("C", "k", ts))).toEqual([false, true, true]);
    now = 60_001;
    expect(injected.has("C", "k", 3)).toBe(false);
  });
});
