import { dedup } from "./dedup";
import { failedLogins } from "./failed-logins";
import { filterMap } from "./filter-map";
import { join } from "./join";
import { sessions } from "./sessions";
import type { ExerciseDef } from "./types";
import { windows } from "./windows";

export type { ExerciseDef, ExerciseInput } from "./types";

/** The exercise book, in order. A new exercise is a definition here and its texts in lib/i18n/*-exercise-book.ts. */
export const EXERCISES: readonly ExerciseDef[] = [filterMap, windows, sessions, dedup, failedLogins, join];

export const exerciseById = (id: string): ExerciseDef | undefined => EXERCISES.find((e) => e.id === id);

/** The i18n keys of an exercise's texts. */
export function textKeys(e: ExerciseDef) {
  const base = `exercise.${e.id}`;
  return {
    titleKey: `${base}.title`,
    summaryKey: `${base}.summary`,
    statementKey: `${base}.statement`,
    hintKeys: Array.from({ length: e.hints }, (_, i) => `${base}.hint${i + 1}`),
  };
}
