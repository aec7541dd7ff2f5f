import type { LiveSnapshot } from "./snapshot";

export interface Checkable {
  id: string;
  done: (s: LiveSnapshot) => boolean;
}

export interface Progress {
  completed: string[];
  current: string | null;
}

export const PROGRESS_KEY = "ksl.lessons.v1";

/** Adds every lesson whose predicate now holds; completion is sticky, never undone. */
export function detectCompleted(lessons: readonly Checkable[], snapshot: LiveSnapshot, progress: Progress): Progress {
  const added = lessons.filter((l) => !progress.completed.includes(l.id) && safe(l, snapshot)).map((l) => l.id);
  return added.length === 0 ? progress : { ...progress, completed: [...progress.completed, ...added] };
}

function safe(l: Checkable, s: LiveSnapshot): boolean {
  try {
    return l.done(s);
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
    const completed = Array.isArray(o.completed)
      ? o.completed.filter((x): x is string => typeof x === "string" && known.includes(x))
      : [];
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
