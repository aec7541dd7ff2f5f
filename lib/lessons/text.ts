import { en } from "@/lib/i18n/en";
import { translate, type Lang, type MessageKey } from "@/lib/i18n";
import type { Lesson, LessonText } from "./types";

const has = (key: string): key is MessageKey => key in en;

/** The dictionary keys of a lesson's paragraphs, in order: lesson.<id>.body.1, .2, … as far as they go. */
export function bodyKeys(id: string): MessageKey[] {
  const keys: MessageKey[] = [];
  for (let i = 1; has(`lesson.${id}.body.${i}`); i++) keys.push(`lesson.${id}.body.${i}` as MessageKey);
  return keys;
}

/** Every dictionary key a lesson's text uses. */
export function lessonKeys(id: string): MessageKey[] {
  const parts = [`lesson.${id}.title`, ...bodyKeys(id), `lesson.${id}.action`, `lesson.${id}.seed`];
  return parts.filter(has);
}

/** A lesson's words in one language, from the same dictionaries as the rest of the UI. */
export function lessonText(lesson: Lesson, lang: Lang): LessonText {
  const params = lesson.params?.(lang);
  const say = (key: string) => (has(key) ? translate(lang, key, params) : "");
  const seed = say(`lesson.${lesson.id}.seed`);
  return {
    title: say(`lesson.${lesson.id}.title`),
    body: bodyKeys(lesson.id).map((k) => translate(lang, k, params)),
    action: say(`lesson.${lesson.id}.action`),
    ...(seed ? { seed } : {}),
  };
}
