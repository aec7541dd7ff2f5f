"use client";

import { useCallback, useEffect, useState } from "react";
import { LESSONS, LESSON_IDS } from "@/lib/lessons";
import { detectCompleted, parseProgress, PROGRESS_KEY, type Progress } from "@/lib/live/progress";
import { useLessonState } from "@/components/live/LiveProvider";

/** Tutorial progress: detected from the live snapshot, kept in localStorage. */
export function useProgress() {
  const { snapshot } = useLessonState();
  const [progress, setProgress] = useState<Progress | null>(null);

  useEffect(() => {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(PROGRESS_KEY);
    } catch {
      // Storage disabled: progress lasts for this page only.
    }
    setProgress(parseProgress(raw, LESSON_IDS));
  }, []);

  useEffect(() => {
    if (!progress) return;
    const next = detectCompleted(LESSONS, snapshot, progress);
    if (next !== progress) setProgress(next);
  }, [snapshot, progress]);

  useEffect(() => {
    if (!progress) return;
    try {
      localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    } catch {
      // As above.
    }
  }, [progress]);

  const select = useCallback((id: string) => setProgress((p) => (p ? { ...p, current: id } : p)), []);
  const reset = useCallback(() => setProgress({ completed: [], current: LESSON_IDS[0] ?? null }), []);
  return { progress, select, reset };
}
