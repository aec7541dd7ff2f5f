import type { ComponentName } from "@/lib/contract/api";
import { AGGREGATES_TOPIC, DEAD_LETTER_TOPIC, inputTopic, JOIN_OUTPUT_TOPIC, outputTopic, STRATEGIES } from "@/lib/contract/records";

/** Which worker reads which topic: the shape of the pipeline diagram and of consumer-group lag. */
export const WORKER_INPUTS: Readonly<Partial<Record<ComponentName, readonly string[]>>> = {
  strategy: STRATEGIES.map(inputTopic),
  join: [outputTopic("C"), inputTopic("D")],
  aggregate: STRATEGIES.map(outputTopic),
};

export const WORKER_OUTPUTS: Readonly<Partial<Record<ComponentName, readonly string[]>>> = {
  strategy: [...STRATEGIES.map(outputTopic), DEAD_LETTER_TOPIC],
  join: [JOIN_OUTPUT_TOPIC, DEAD_LETTER_TOPIC],
  aggregate: [AGGREGATES_TOPIC],
};

/** Workers whose consumer group reads this (unprefixed) topic. */
export function consumersOf(topic: string): ComponentName[] {
  return (Object.keys(WORKER_INPUTS) as ComponentName[]).filter((w) => WORKER_INPUTS[w]?.includes(topic));
}

/** The join reads C after the transform and D as produced. */
export const JOIN_INPUTS = { C: outputTopic("C"), D: inputTopic("D") } as const;
