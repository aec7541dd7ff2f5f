import type { ComponentName } from "@/lib/contract/api";
import type { Lang, Params } from "@/lib/i18n";
import type { LessonView } from "./view";

/** The live element a lesson sits beside. */
export type LessonTarget =
  | { kind: "broker" }
  | { kind: "pipeline" }
  | { kind: "settings" }
  | { kind: "topic"; topic: string }
  | { kind: "transform" }
  | { kind: "join" }
  | { kind: "aggregate" }
  /** The Cluster page; with the pipeline diagram below it when the lesson is about a producer. */
  | { kind: "cluster"; pipeline?: boolean }
  | { kind: "experiment"; experiment: ExperimentId }
  | { kind: "log"; part: LogPart };

/** The log page's parts, each of which a lesson can sit beside. */
export const LOG_PARTS = ["storage", "compaction", "txn"] as const;
export type LogPart = (typeof LOG_PARTS)[number];

/** The experiments page's cards, each of which a lesson can sit beside. */
export const EXPERIMENT_IDS = ["scale", "chaos", "late", "bad", "replay"] as const;
export type ExperimentId = (typeof EXPERIMENT_IDS)[number];

/** A lesson's words, as the learner reads them; they live in the i18n dictionaries (lib/i18n/*-lessons.ts). */
export interface LessonText {
  title: string;
  /** Paragraphs of explanation. */
  body: string[];
  /** What the learner does now, and the effect that completes the lesson. */
  action: string;
  /** How this lab deliberately differs from the seed tutorial here, if it does. */
  seed?: string;
}

export interface Lesson {
  id: string;
  target: LessonTarget;
  /** Components the learner may need to start or stop for this lesson, shown above the element. */
  controls?: ComponentName[];
  /** Values its text quotes ({name} in the dictionaries), computed so that the words follow the code. */
  params?: (lang: Lang) => Params;
  /** The same idea as a learner of the seed tutorials would write it in PySpark. */
  spark: string;
  /**
   * Whether the learner did what `action` asks, and saw its effect, since opening this lesson.
   * Pure: only the view (the state now, and what happened since the lesson was opened).
   */
  done: (v: LessonView) => boolean;
}
