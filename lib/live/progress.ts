import { lessonView, type LessonView } from "@/lib/lessons/view";
import type { LiveSnapshot } from "./snapshot";

export interface Checkable {
  id: string;
  done: (v: LessonView) => boolean;
}

/** The lesson on screen and when the learner opened it (kept in memory: what the page saw is too). */
export interface Opened {
  id: string;
  at: number;
}

export interface Progress {
  completed: string[];
  current: string | null;
}

export const PROGRESS_KEY = "ksl.lessons.v1";

/**
 * Completes the open lesson once its rule holds on what happened since it was opened. Only the open
 * lesson can complete, so nothing done before (or in another lesson) counts; completion is sticky,
 * and pins the lesson on screen so that it does not jump to the next one.
 */
export function detectCompleted(lessons: readonly Checkable[], snapshot: LiveSnapshot, progress: Progress, opened: Opened | null): Progress {
  const lesson = opened && lessons.find((l) => l.id === opened.id);
  if (!lesson || progress.completed.includes(lesson.id) || !safe(lesson, lessonView(snapshot, opened.at))) return progress;
  return { completed: [...progress.completed, lesson.id], current: progress.current ?? lesson.id };
}

function safe(l: Checkable, v: LessonView): boolean {
  try {
    return l.done(v);
  } catch {
    return false;
  }
}

export function parseProgress(raw: string | null, known: readonly string[]): Progress {
  const empty: Progress = { completed: [], current: null };
  if (!raw) return empty;
  try {
    const v = JSON.parse(raw) as unknown;
    if (typeof v !== "object" || v === null) return empty;
    const o = v as Record<string, unknown>;
    const completed = Array.isArray(o.completed) ? o.completed.filter((x): x is string => typeof x === "string" && known.includes(x)) : [];
    const current = typeof o.current === "string" && known.includes(o.current) ? o.current : null;
    return { completed: [...new Set(completed)], current };
  } catch {
    return empty;
  }
}

/** The lesson to show: the remembered one, else the first not yet done, else the last. */
export function currentLesson(lessons: readonly Checkable[], p: Progress): string | null {
  if (p.current && lessons.some((l) => l.id === p.current)) return p.current;
  return (lessons.find((l) => !p.completed.includes(l.id)) ?? lessons[lessons.length - 1])?.id ?? null;
}
