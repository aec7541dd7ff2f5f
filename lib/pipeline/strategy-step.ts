import { STRATEGIES, outputTopic, type LabRecord, type OutgoingRecord, type Strategy } from "../contract/records";
import { deadLetterFor } from "./dead-letter";
import { strategyResult } from "./transform";
import { DEFAULT_LIMITS, validateInputRecord, type ValidationLimits } from "./validate";

export interface StepOutcome {
  kind: "output" | "dead";
  record: OutgoingRecord;
}

/** `A_input` → "A"; anything else → null. */
export function strategyOfInputTopic(topic: string): Strategy | null {
  const letter = topic.length === 7 && topic.endsWith("_input") ? topic[0] : undefined;
  return (STRATEGIES as readonly string[]).includes(letter ?? "") ? (letter as Strategy) : null;
}

/** One input record of the strategy transform → its output, or its dead letter. */
export function strategyStep(rec: LabRecord, now: number, worker = "strategy", limits: ValidationLimits = DEFAULT_LIMITS): StepOutcome {
  const strategy = strategyOfInputTopic(rec.topic);
  if (strategy === null) {
    // The contract has no dedicated reason for this; the topic is the "strategy" that is wrong.
    const error = `topic "${rec.topic}" is not a strategy input topic (A_input, B_input, C_input or D_input)`;
    return { kind: "dead", record: deadLetterFor(rec, "wrong_strategy", error, worker, undefined, now) };
  }
  const v = validateInputRecord(rec, strategy, now, limits);
  if (!v.ok) return { kind: "dead", record: deadLetterFor(rec, v.reason, v.error, worker, undefined, now) };
  const { value, ts } = v.value;
  return {
    kind: "output",
    record: {
      topic: outputTopic(strategy),
      key: rec.key,
      value: JSON.stringify({ result: strategyResult(value), ts }),
      timestamp: ts,
    },
  };
}
