import { consuming } from "./consuming";
import { kafkaBasics } from "./kafka-basics";
import { time } from "./time";
import type { Lesson } from "./types";

export type { Lesson, LessonTarget, LessonText } from "./types";

const [broker, topic, partition, offset, producer] = kafkaBasics as [Lesson, Lesson, Lesson, Lesson, Lesson];
const [consumerGroup, lag, transform, deadLetters, delivery] = consuming as [Lesson, Lesson, Lesson, Lesson, Lesson];
const [eventTime, watermark, join] = time as [Lesson, Lesson, Lesson];

/** The tutorial, in the order a learner meets the ideas. */
export const LESSONS: readonly Lesson[] = [
  broker,
  topic,
  partition,
  offset,
  producer,
  consumerGroup,
  lag,
  transform,
  eventTime,
  watermark,
  join,
  deadLetters,
  delivery,
];

export const LESSON_IDS = LESSONS.map((l) => l.id);
