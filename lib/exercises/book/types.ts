import type { CompareMode } from "@/lib/contract/exercises";
import type { Json } from "../api";
import { seededRandom } from "@/lib/random";

/** One record of an exercise's input, before it is written to its topic (in this order, one partition). */
export interface ExerciseInput {
  key: string;
  value: Json;
  eventTime: number;
}

/**
 * One exercise of the book. Its texts are i18n keys `exercise.<id>.title`, `.summary`, `.statement` and
 * `.hint1` … `.hint<hints>` (lib/i18n/*-exercise-book.ts). An exercise added later (a dataset replay, say)
 * only needs such a definition in EXERCISES (./index.ts) and its texts.
 */
export interface ExerciseDef {
  id: string;
  number: number;
  compare: CompareMode;
  watermarkDelayMs: number;
  hints: number;
  /** The input, deterministic (a generator with a fixed seed, or a file shipped in the repository). */
  input(): ExerciseInput[] | Promise<ExerciseInput[]>;
  starter: string;
  /** The hidden reference solution: what the grader compares against, revealed on request. */
  reference: string;
}

/** 2026-01-01T00:00:00Z: where the generated inputs' event times start. */
export const T0 = 1_767_225_600_000;

/** A small seeded generator (mulberry32): the same inputs on every machine and run. */
export function seeded(seed: number) {
  const next = seededRandom(seed);

  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
