import { describe, expect, it } from "vitest";
import { currentLesson, detectCompleted, parseProgress } from "./progress";
import { emptySnapshot, withAction, withLag, withSeen } from "./snapshot";

const lessons = [
  { id: "a", done: () => true },
  { id: "b", done: (s: ReturnType<typeof emptySnapshot>) => (s.seen.X ?? 0) > 0 },
  { id: "c", done: () => { throw new Error("bad predicate"); } },
];

describe("detectCompleted", () => {
  it("adds lessons whose predicate holds, keeps earlier ones, survives a throwing predicate", () => {
    let p = detectCompleted(lessons, emptySnapshot(), { completed: [], current: null });
    expect(p.completed).toEqual(["a"]);
    p = detectCompleted(lessons, withSeen(emptySnapshot(), "X", 3), p);
    expect(p.completed).toEqual(["a", "b"]);
    const same = detectCompleted(lessons, emptySnapshot(), p);
    expect(same).toBe(p);
  });
});

describe("parseProgress", () => {
  it("reads what it wrote and drops what it does not know", () => {
    expect(parseProgress(JSON.stringify({ completed: ["a", "zz", "a", 3], current: "b" }), ["a", "b"])).toEqual({
      completed: ["a"],
      current: "b",
    });
    expect(parseProgress("{oops", ["a"])).toEqual({ completed: [], current: null });
    expect(parseProgress(null, ["a"])).toEqual({ completed: [], current: null });
  });
});

describe("currentLesson", () => {
  it("prefers the remembered one, else the first not done", () => {
    expect(currentLesson(lessons, { completed: [], current: "c" })).toBe("c");
    expect(currentLesson(lessons, { completed: ["a"], current: null })).toBe("b");
    expect(currentLesson(lessons, { completed: ["a", "b", "c"], current: null })).toBe("c");
  });
});

describe("snapshot helpers", () => {
  it("record actions once, count records and keep the largest lag", () => {
    let s = withAction(withAction(emptySnapshot(), "x"), "x");
    expect(s.actions).toEqual(["x"]);
    s = withSeen(withSeen(s, "T", 2), "T", 3);
    expect(s.seen.T).toBe(5);
    s = withLag(withLag(s, "T", 9), "T", 4);
    expect(s.maxLag.T).toBe(9);
  });
});
