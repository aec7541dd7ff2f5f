import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { currentLesson, detectCompleted, parseProgress } from "./progress";
import type { LessonView } from "@/lib/lessons/view";
import { emptySnapshot, withAction, withLag, withPipeline, withSeen } from "./snapshot";

const lessons = [
  { id: "a", done: () => true },
  { id: "b", done: (v: LessonView) => v.actions.some((a) => a.name === "x") },
  {
    id: "c",
    done: () => {
      throw new Error("bad predicate");
    },
  },
];

describe("detectCompleted", () => {
  it("completes only the open lesson, pins it on screen, and survives a throwing rule", () => {
    let p = detectCompleted(lessons, emptySnapshot(), { completed: [], current: null }, { id: "a", at: 0 });
    expect(p).toEqual({ completed: ["a"], current: "a" });
    expect(detectCompleted(lessons, emptySnapshot(), p, { id: "c", at: 0 })).toBe(p);
    expect(detectCompleted(lessons, emptySnapshot(), p, null)).toBe(p);
    p = detectCompleted(lessons, withAction(emptySnapshot(), "x", 5), p, { id: "b", at: 5 });
    expect(p.completed).toEqual(["a", "b"]);
  });
  it("ignores what happened before the lesson was opened", () => {
    const p = { completed: [], current: "b" };
    expect(detectCompleted(lessons, withAction(emptySnapshot(), "x", 4), p, { id: "b", at: 5 })).toBe(p);
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

describe("snapshot", () => {
  it("keeps every action with its time, records seen, and lag only when it changes", () => {
    let s = withAction(withAction(emptySnapshot(), "x", 1), "x", 2);
    expect(s.actions).toEqual([
      { at: 1, name: "x" },
      { at: 2, name: "x" },
    ]);
    s = withSeen(withSeen(s, "T", 2, 3), "T", 0, 4);
    expect(s.observations).toEqual([{ at: 3, kind: "seen", topic: "T", n: 2 }]);
    s = withLag(withLag(withLag(s, "T", 9, 5), "T", 9, 6), "T", 4, 7);
    expect(s.observations.filter((o) => o.kind === "lag").map((o) => o.at)).toEqual([5, 7]);
  });
  it("notes a component's status and restarts when they change, not on every state", () => {
    const view = (status: "running" | "stopped", restarts: number) => ({
      settings: DEFAULT_SETTINGS,
      components: [
        { name: "strategy" as const, kind: "worker" as const, status, pid: 1, restarts, reason: null, metrics: null, desiredInstances: 1, instances: [] },
      ],
    });
    let s = withPipeline(emptySnapshot(), view("running", 0), 1);
    s = withPipeline(s, view("running", 0), 2);
    s = withPipeline(s, view("running", 1), 3);
    expect(s.observations).toEqual([
      { at: 1, kind: "component", name: "strategy", status: "running", restarts: 0, owners: 0 },
      { at: 3, kind: "component", name: "strategy", status: "running", restarts: 1, owners: 0 },
    ]);
  });
});
