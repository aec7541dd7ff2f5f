/**
 * What the browser keeps per exercise (localStorage): the learner's code and whether it once passed. Keys are
 * namespaced and versioned so another page's entries, or a later format, never read as an exercise's.
 */
const PREFIX = "lab.exercise.v1";

export const codeKey = (exerciseId: string) => `${PREFIX}.${exerciseId}.code`;
export const passedKey = (exerciseId: string) => `${PREFIX}.${exerciseId}.passed`;

/** The part of the Web Storage API used here: a Map-backed fake stands in for it in tests. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Storage may be disabled or full (private windows, quotas): the page then works without remembering. */
function attempt<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** The learner's saved code, or the starter code when nothing (or nothing usable) is saved. */
export const loadCode = (store: KeyValueStore, exerciseId: string, starter: string): string =>
  attempt(() => store.getItem(codeKey(exerciseId)), null) ?? starter;

/** Saves the code; code equal to the starter is forgotten, so a changed starter reaches a learner who never edited it. */
export function saveCode(store: KeyValueStore, exerciseId: string, code: string, starter: string): void {
  attempt(() => (code === starter ? store.removeItem(codeKey(exerciseId)) : store.setItem(codeKey(exerciseId), code)), undefined);
}

export const forgetCode = (store: KeyValueStore, exerciseId: string): void => attempt(() => store.removeItem(codeKey(exerciseId)), undefined);

export const markPassed = (store: KeyValueStore, exerciseId: string): void => attempt(() => store.setItem(passedKey(exerciseId), "1"), undefined);

export const hasPassed = (store: KeyValueStore, exerciseId: string): boolean => attempt(() => store.getItem(passedKey(exerciseId)) === "1", false);
