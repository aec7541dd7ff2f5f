import { useCallback, useEffect, useState } from "react";
import { LESSONS, LESSON_IDS } from "@/lib/lessons";
import { currentLesson, detectCompleted, parseProgress, PROGRESS_KEY, type Opened, type Progress } from "@/lib/live/progress";
import { useLessonSnapshot } from "@/components/live/LessonProvider";

/**
 * Tutorial progress, kept in localStorage (per browser). The lesson on screen notes when it was
 * opened; it completes from what the learner did and saw after that.
 */
export function useProgress(clock: () => number = Date.now) {
  const snapshot = useLessonSnapshot();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const id = progress ? currentLesson(LESSONS, progress) : null;

  useEffect(() => {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(PROGRESS_KEY);
    } catch {
      // Storage disabled: progress lasts for this page only.
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only in the browser, after hydration
    setProgress(parseProgress(raw, LESSON_IDS));
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- notes when the lesson on screen was opened: a moment, not something derived
    if (id && id !== opened?.id) setOpened({ id, at: clock() });
  }, [id, opened, clock]);

  useEffect(() => {
    if (!progress || !opened || opened.id !== id) return;
    const next = detectCompleted(LESSONS, snapshot, progress, opened);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a lesson completes from what the live snapshot shows after it opened
    if (next !== progress) setProgress(next);
  }, [snapshot, progress, opened, id]);

  useEffect(() => {
    if (!progress) return;
    try {
      localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    } catch {
      // As above.
    }
  }, [progress]);

  const select = useCallback((next: string) => setProgress((p) => (p ? { ...p, current: next } : p)), []);
  const reset = useCallback(() => {
    setProgress({ completed: [], current: LESSON_IDS[0] ?? null });
    setOpened(null);
  }, []);
  return { progress, select, reset };
}
