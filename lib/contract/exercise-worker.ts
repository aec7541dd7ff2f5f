import { z } from "zod";
import { CodeError } from "./exercises";

/** What the server tells an exercise worker (in LAB_EXERCISE_WORKER, JSON): one side of one run. */
export const ExerciseWorkerSpec = z.object({
  runId: z.string().regex(/^[a-z0-9]+$/),
  role: z.enum(["learner", "reference"]),
  inputTopic: z.string().min(1),
  outputTopic: z.string().min(1),
  changelogTopic: z.string().min(1),
  groupId: z.string().min(1),
  /** The compiled processor ({ js, map } as JSON), written by the server; the worker only reads it. */
  codeFile: z.string().min(1),
  watermarkDelayMs: z.number().int().min(0),
  inputCount: z.number().int().min(1),
  /** Grading under chaos: hold the batch from this offset (processed, uncommitted) and wait to be killed. */
  holdFrom: z.number().int().min(0).optional(),
});
export type ExerciseWorkerSpec = z.infer<typeof ExerciseWorkerSpec>;

/** Exercise worker → server, over the IPC channel. */
export const ExerciseWorkerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  /** The learner's code failed: the run's verdict is this error (the worker exits, and is not restarted). */
  z.object({ type: z.literal("learner-error"), error: CodeError }),
  /** Grading under chaos: the batch is held, uncommitted; kill now. */
  z.object({ type: z.literal("holding") }),
  z.object({ type: z.literal("log"), lines: z.array(z.string()) }),
]);
export type ExerciseWorkerMessage = z.infer<typeof ExerciseWorkerMessage>;

/** The exit code of a worker whose learner's code failed (its message said why). */
export const LEARNER_ERROR_EXIT = 3;
