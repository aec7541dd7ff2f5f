import { COMPONENT_NAMES, componentKind, type ComponentKind, type ComponentName } from "@/lib/contract/api";

export interface ComponentSpec {
  name: ComponentName;
  kind: ComponentKind;
  /** Entry file under workers/, fixed here: a process is never started from anything a client sends. */
  entry: string;
  /** Topics a worker's consumer group reads (unprefixed); none for a producer. */
  inputs: readonly string[];
}

const ENTRY: Record<ComponentName, string> = {
  "producer-A": "workers/producer.ts",
  "producer-B": "workers/producer.ts",
  "producer-C": "workers/producer.ts",
  "producer-D": "workers/producer.ts",
  strategy: "workers/strategy.ts",
  join: "workers/join.ts",
  aggregate: "workers/aggregate.ts",
};

const INPUTS: Partial<Record<ComponentName, readonly string[]>> = {
  strategy: ["A_input", "B_input", "C_input", "D_input"],
  join: ["C_output", "D_input"],
  aggregate: ["A_output", "B_output", "C_output", "D_output"],
};

export const REGISTRY: readonly ComponentSpec[] = COMPONENT_NAMES.map((name) => ({
  name,
  kind: componentKind(name),
  entry: ENTRY[name],
  inputs: INPUTS[name] ?? [],
}));

export function specOf(name: ComponentName): ComponentSpec {
  const spec = REGISTRY.find((s) => s.name === name);
  if (!spec) throw new Error(`no component named ${name}`);
  return spec;
}
