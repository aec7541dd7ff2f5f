import type { ComponentView } from "@/lib/contract/api";

export type Metrics = NonNullable<ComponentView["metrics"]>;

/** Test fixture: what a worker reports about itself, all zero and empty unless said. */
export const metrics = (over: Partial<Metrics> = {}): Metrics => ({
  at: 0,
  recordsInPerSec: 0,
  recordsOutPerSec: 0,
  recordsInTotal: 0,
  recordsOutTotal: 0,
  deadLettered: 0,
  latencyMs: null,
  lag: [],
  assigned: [],
  join: null,
  ...over,
});
