import { createHash } from "node:crypto";
import type { KafkaAdapter, LabAdmin } from "@/kafka/adapter";
import type { InputRecordView } from "@/lib/contract/exercises";
import type { ExerciseDef, ExerciseInput } from "@/lib/exercises/book";
import { isRetriable, retry } from "@/lib/retry";

/** A topic just created may not be known to every part of the broker yet (UNKNOWN_TOPIC_OR_PARTITION, retriable). */
export const untilKnown = <T>(fn: () => Promise<T>) => retry(fn, { attempts: 8, initialMs: 100, maxMs: 2000, retriable: isRetriable });

/** An exercise's input as committed to its topic, and as the learner's `process` sees it. */
export interface CommittedInput {
  topic: string;
  records: InputRecordView[];
}

/** The input topic's name carries a hash of its content: a changed generator gets a topic of its own. */
export function inputTopicOf(prefix: string, id: string, input: ExerciseInput[]): string {
  const hash = createHash("sha256").update(JSON.stringify(input)).digest("hex").slice(0, 12);
  return `${prefix}lab-exercise-${id}-input-${hash}`;
}

/**
 * Exercise inputs carry fixed event times (2026-01-01 on): by time, the broker's retention would delete
 * them, and the outputs and changelogs stamped with them, at its next check. Exercise topics are kept
 * until they are deleted: an input for as long as the lab's data, a run's topics right after its verdict.
 */
export const KEEP_FOREVER = { "retention.ms": "-1" };

export const toViews = (input: ExerciseInput[]): InputRecordView[] =>
  input.map((r, i) => ({ key: r.key, value: r.value, eventTime: r.eventTime, partition: 0, offset: String(i) }));

/**
 * Write each exercise's input once to a topic of one partition (so every run reads it in one order),
 * and reuse it for every run. A topic left half-written (the lab stopped while writing) is written again.
 */
export function createInputStore(deps: { kafka: KafkaAdapter; admin: LabAdmin; prefix: string }) {
  const ready = new Map<string, Promise<CommittedInput>>();

  const write = async (def: ExerciseDef): Promise<CommittedInput> => {
    const input = await def.input();
    const topic = inputTopicOf(deps.prefix, def.id, input);
    await untilKnown(() => deps.admin.ensureTopics([topic], 1, KEEP_FOREVER));
    const end = Number((await untilKnown(() => deps.admin.topicOffsets(topic)))[0]?.latest ?? "0");
    if (end !== 0 && end !== input.length) {
      await deps.admin.deleteTopics([topic]);
      await untilKnown(() => deps.admin.ensureTopics([topic], 1, KEEP_FOREVER));
    }
    if (end !== input.length) {
      const producer = deps.kafka.producer();
      await producer.connect();
      try {
        await untilKnown(() => producer.send(input.map((r) => ({ topic, key: r.key, value: JSON.stringify(r.value), timestamp: r.eventTime }))));
      } finally {
        await producer.disconnect();
      }
    }
    return { topic, records: toViews(input) };
  };

  return {
    of(def: ExerciseDef): Promise<CommittedInput> {
      let p = ready.get(def.id);
      if (!p) {
        p = write(def);
        ready.set(def.id, p);
        p.catch(() => ready.delete(def.id));
      }
      return p;
    },
  };
}
