import { aggregate } from "./aggregate";
import { cluster } from "./cluster";
import { consuming } from "./consuming";
import { delivery } from "./delivery";
import { experiments } from "./experiments";
import { kafkaBasics } from "./kafka-basics";
import { logLessons } from "./log";
import { time } from "./time";
import type { Lesson } from "./types";

export type { ExperimentId, Lesson, LessonTarget, LessonText, LogPart } from "./types";
export { lessonKeys, lessonText } from "./text";
export { EXPERIMENT_IDS } from "./types";
export { CLUSTER_LESSON_IDS } from "./cluster";

const [broker, topic, partition, offset, producer] = kafkaBasics as [Lesson, Lesson, Lesson, Lesson, Lesson];
const [consumerGroup, lag, transform, deadLetters] = consuming as [Lesson, Lesson, Lesson, Lesson];
const [eventTime, watermark, join] = time as [Lesson, Lesson, Lesson];
const [rebalance, chaos, lateData, badRecord, replay] = experiments as [Lesson, Lesson, Lesson, Lesson, Lesson];
const [segments, compaction, transactions] = logLessons as [Lesson, Lesson, Lesson];
const [replication, leaderElection, acks, highWatermark] = cluster as [Lesson, Lesson, Lesson, Lesson];

/** The tutorial, in the order a learner meets the ideas. */
export const LESSONS: readonly Lesson[] = [
  broker,
  topic,
  partition,
  offset,
  producer,
  consumerGroup,
  rebalance,
  lag,
  transform,
  eventTime,
  watermark,
  join,
  aggregate,
  lateData,
  deadLetters,
  badRecord,
  delivery,
  chaos,
  replay,
  segments,
  compaction,
  transactions,
  replication,
  leaderElection,
  acks,
  highWatermark,
];

export const LESSON_IDS = LESSONS.map((l) => l.id);
