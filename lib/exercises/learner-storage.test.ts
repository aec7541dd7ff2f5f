import { describe, expect, it } from "vitest";
import { codeKey, forgetCode, hasPassed, loadCode, markPassed, passedKey, saveCode, type KeyValueStore } from "./learner-storage";

const memoryStore = (): KeyValueStore & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
};
const brokenStore: KeyValueStore = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
  removeItem: () => {
    throw new Error("SecurityError");
  },
};

describe("learner storage", () => {
  it("keys each exercise's code and verdict apart, namespaced and versioned", () => {
    expect(codeKey("filter-map")).toBe("lab.exercise.v1.filter-map.code");
    expect(passedKey("filter-map")).toBe("lab.exercise.v1.filter-map.passed");
    expect(codeKey("a")).not.toBe(codeKey("b"));
    expect(codeKey("a")).not.toBe(passedKey("a"));
  });
  it("keeps the learner's code per exercise and falls back to the starter", () => {
    const s = memoryStore();
    expect(loadCode(s, "a", "starter")).toBe("starter");
    saveCode(s, "a", "mine", "starter");
    expect(loadCode(s, "a", "starter")).toBe("mine");
    expect(loadCode(s, "b", "other starter")).toBe("other starter");
    forgetCode(s, "a");
    expect(loadCode(s, "a", "starter")).toBe("starter");
  });
  it("does not store code equal to the starter, so a changed starter reaches a learner who never edited", () => {
    const s = memoryStore();
    saveCode(s, "a", "mine", "starter");
    saveCode(s, "a", "starter", "starter");
    expect(s.map.size).toBe(0);
  });
  it("remembers a pass", () => {
    const s = memoryStore();
    expect(hasPassed(s, "a")).toBe(false);
    markPassed(s, "a");
    expect(hasPassed(s, "a")).toBe(true);
    expect(hasPassed(s, "b")).toBe(false);
  });
  it("works without remembering when storage throws", () => {
    expect(loadCode(brokenStore, "a", "starter")).toBe("starter");
    expect(() => saveCode(brokenStore, "a", "mine", "starter")).not.toThrow();
    expect(() => markPassed(brokenStore, "a")).not.toThrow();
    expect(hasPassed(brokenStore, "a")).toBe(false);
  });
});
