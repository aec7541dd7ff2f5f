import { z } from "zod";

/**
 * The exercises' contract: what the routes under /api/exercises and /api/runs answer and take.
 * Text a learner reads is never here, only i18n keys (lib/i18n/*-exercise-book.ts): the page translates them.
 */

/** Largest submitted processor, in UTF-8 bytes of `code` (the body may be a little larger: JSON quoting). */
export const MAX_CODE_BYTES = 64 * 1024;
/** Largest body the submit route reads: the code, JSON-escaped, and the other fields. */
export const MAX_SUBMISSION_BODY_BYTES = 3 * MAX_CODE_BYTES;

export const ExerciseId = z.string().regex(/^[a-z0-9-]{1,40}$/, "an exercise id is lowercase letters, digits and '-'");
export type ExerciseId = z.infer<typeof ExerciseId>;

export const RunId = z.string().regex(/^[a-z0-9]{6,40}$/, "a run id is lowercase letters and digits");
export type RunId = z.infer<typeof RunId>;

/** How the grader compares the learner's outputs with the reference's. */
export const COMPARE_MODES = ["multiset", "final"] as const;
export const CompareMode = z.enum(COMPARE_MODES);
export type CompareMode = z.infer<typeof CompareMode>;

/** One input record as a learner's `process` sees it (lib/exercises/api.ts). */
export const InputRecordView = z.object({
  key: z.string().nullable(),
  value: z.unknown(),
  eventTime: z.number(),
  partition: z.number().int(),
  offset: z.string(),
});
export type InputRecordView = z.infer<typeof InputRecordView>;

/** One output record: what `ctx.emit(key, value, eventTime)` wrote. */
export const OutputRecordView = z.object({
  key: z.string().nullable(),
  value: z.unknown(),
  eventTime: z.number(),
});
export type OutputRecordView = z.infer<typeof OutputRecordView>;

export const ExerciseSummary = z.object({
  id: ExerciseId,
  /** 1, 2, …: the order of the book. */
  number: z.number().int().min(1),
  titleKey: z.string(),
  summaryKey: z.string(),
});
export type ExerciseSummary = z.infer<typeof ExerciseSummary>;

export const ExerciseList = z.object({ exercises: z.array(ExerciseSummary) });
export type ExerciseList = z.infer<typeof ExerciseList>;

export const ExerciseDetail = ExerciseSummary.extend({
  statementKey: z.string(),
  /** Shown one at a time, in this order. */
  hintKeys: z.array(z.string()),
  starterCode: z.string(),
  /** How the outputs are graded: as a multiset, or by each key's last value ("final" window results). */
  compare: CompareMode,
  /** The runtime's watermark: the largest event time read so far minus this. */
  watermarkDelayMs: z.number().int().min(0),
  inputCount: z.number().int().min(0),
  /** The first records of the input, in their committed order. */
  inputSample: z.array(InputRecordView),
});
export type ExerciseDetail = z.infer<typeof ExerciseDetail>;

/** POST /api/exercises/{id}/runs: the learner's processor (TypeScript or JavaScript). */
export const Submission = z
  .object({
    code: z.string().refine((c) => Buffer.byteLength(c, "utf8") <= MAX_CODE_BYTES, `code: at most ${MAX_CODE_BYTES} bytes`),
    /** Grade under chaos: the learner's worker is killed (SIGKILL) mid-run and restarted; the verdict must not change. */
    chaos: z.boolean().default(false),
  })
  .strict();
export type Submission = z.input<typeof Submission>;

export const RUN_STATUSES = ["running", "pass", "fail", "error"] as const;
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;

/** What stopped the learner's code, at its line and column (1-based) in the submitted source when known. */
export const CodeError = z.object({
  message: z.string(),
  line: z.number().int().min(1).optional(),
  column: z.number().int().min(1).optional(),
});
export type CodeError = z.infer<typeof CodeError>;

export const DIFFERENCE_KINDS = ["missing", "extra", "different"] as const;
export const Difference = z.object({
  /** missing: the reference wrote it, the learner did not; extra: the other way; different: same key, other value. */
  kind: z.enum(DIFFERENCE_KINDS),
  expected: OutputRecordView.optional(),
  actual: OutputRecordView.optional(),
  /** Input records with the same key, for the learner to see what led to it. */
  inputs: z.array(InputRecordView).optional(),
});
export type Difference = z.infer<typeof Difference>;

export const VerdictCounts = z.object({
  inputs: z.number().int(),
  expected: z.number().int(),
  actual: z.number().int(),
  /** Outputs found on both sides. */
  matched: z.number().int(),
});
export type VerdictCounts = z.infer<typeof VerdictCounts>;

export const MAX_VERDICT_OUTPUTS = 500;

/** GET /api/runs/{id} (and the answer to a submission): a run's state, then its verdict. */
export const Verdict = z.object({
  runId: RunId,
  exerciseId: ExerciseId,
  status: RunStatus,
  chaos: z.boolean(),
  /** How many times the learner's worker was killed (SIGKILL) and restarted during the run. */
  kills: z.number().int().min(0),
  error: CodeError.optional(),
  /** The first differences (at most 10), in the order of the reference's outputs. */
  differences: z.array(Difference).optional(),
  counts: VerdictCounts,
  /** Your processor's outputs once graded (the first MAX_VERDICT_OUTPUTS), for an exercise that draws them (exercise 7's chart). */
  outputs: z.array(OutputRecordView).max(500).optional(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type Verdict = z.infer<typeof Verdict>;

/** GET /api/exercises/{id}/solution: the reference solution, revealed on request. */
export const Solution = z.object({ id: ExerciseId, code: z.string() });
export type Solution = z.infer<typeof Solution>;
