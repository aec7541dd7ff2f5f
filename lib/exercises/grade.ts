import type { CompareMode, Difference, InputRecordView, OutputRecordView, VerdictCounts } from "@/lib/contract/exercises";

/** At most this many differences are shown: the first ones are what a learner can act on. */
export const MAX_DIFFERENCES = 10;
/** Inputs shown beside a difference. */
const MAX_INPUTS_SHOWN = 6;

export interface Grade {
  pass: boolean;
  differences: Difference[];
  counts: VerdictCounts;
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` are the same value. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Each key's last output: for final window results, where one window may be emitted (updated) more than once. */
function finalResults(outputs: OutputRecordView[]): OutputRecordView[] {
  const last = new Map<string | null, OutputRecordView>();
  for (const o of outputs) {
    last.delete(o.key);
    last.set(o.key, o);
  }
  return [...last.values()];
}

/** Whether an output's key names an input's key: the same, or one of its parts (`tumbling|/home|…`, `user-1@…`). */
const keyMentions = (outputKey: string | null, inputKey: string | null) =>
  outputKey === inputKey || (outputKey !== null && inputKey !== null && outputKey.split(/[|@]/).includes(inputKey));

const identity = (o: OutputRecordView) => `${JSON.stringify(o.key)} ${canonical(o.value)}`;

/**
 * The learner's outputs against the reference's, on the same input: as multisets of (key, value), or,
 * for "final", as each key's last value. The event time of an output is shown but not compared (a
 * window's result may carry its start or its end). The differences are in the reference's order:
 * a missing and an extra record with the same key are one "different".
 */
export function grade(expected: OutputRecordView[], actual: OutputRecordView[], mode: CompareMode, inputs: InputRecordView[]): Grade {
  const want = mode === "final" ? finalResults(expected) : expected;
  const got = mode === "final" ? finalResults(actual) : actual;
  const unmatched = new Map<string, OutputRecordView[]>();
  for (const o of got) unmatched.set(identity(o), [...(unmatched.get(identity(o)) ?? []), o]);
  const missing: OutputRecordView[] = [];
  let matched = 0;
  for (const o of want) {
    const same = unmatched.get(identity(o));
    if (same?.length) {
      same.shift();
      matched++;
    } else missing.push(o);
  }
  const extra = got.filter((o) => unmatched.get(identity(o))!.includes(o));
  const related = (key: string | null) => inputs.filter((r) => keyMentions(key, r.key)).slice(0, MAX_INPUTS_SHOWN);
  const differences: Difference[] = [];
  const extraLeft = [...extra];
  for (const m of missing) {
    const i = extraLeft.findIndex((e) => e.key === m.key);
    if (i >= 0) {
      const [actualOne] = extraLeft.splice(i, 1);
      differences.push({ kind: "different", expected: m, actual: actualOne, inputs: related(m.key) });
    } else differences.push({ kind: "missing", expected: m, inputs: related(m.key) });
  }
  for (const e of extraLeft) differences.push({ kind: "extra", actual: e, inputs: related(e.key) });
  return {
    pass: differences.length === 0,
    differences: differences.slice(0, MAX_DIFFERENCES),
    counts: { inputs: inputs.length, expected: want.length, actual: got.length, matched },
  };
}
