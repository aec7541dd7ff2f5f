import type { LabBatch } from "@/kafka/types";
import type { LabRecord } from "@/lib/contract/records";
import type { ExerciseProcessor } from "./processor";

/** What a restarted processor reads back: the changelog topic, and the checkpoint committed with the input offset. */
export interface Committed {
  changelog: LabRecord[];
  metadata: string | null;
}

export interface ExerciseStepDeps {
  processor: ExerciseProcessor;
  restore: () => Promise<Committed>;
  onLogs?: (lines: string[]) => void;
  /** For grading under chaos: once a batch from this offset on is processed (not yet committed), hold it here… */
  holdFrom?: number;
  /** …until this settles: the worker waits to be killed; a test throws, as a crash would. */
  onHold?: () => Promise<void>;
}

/**
 * The stream loop's step for a learner's processor (workers/exercise.ts): restore once, then process
 * the batch and hand back what to commit. A LearnerError thrown here ends the worker (its verdict is that error).
 */
export function exerciseStep(deps: ExerciseStepDeps) {
  return async (batch: LabBatch) => {
    const { processor } = deps;
    if (processor.needsRestore()) {
      const committed = await deps.restore();
      processor.restore(committed.changelog, committed.metadata);
    }
    const out = processor.step(batch);
    if (out.logs.length) deps.onLogs?.(out.logs);
    const first = batch.records[0];
    if (deps.holdFrom !== undefined && first && Number(first.offset) >= deps.holdFrom) {
      await deps.onHold?.();
    }
    return {
      outputs: out.outputs,
      deadLetters: 0,
      commitOffset: out.commitOffset,
      commitMetadata: out.commitMetadata,
      completedEventTimes: [],
      resumeAt: out.resumeAt,
    };
  };
}
