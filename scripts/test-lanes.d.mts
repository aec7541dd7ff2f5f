/** Types for test-lanes.mjs (plain Node, so that `npm test` runs on a fresh clone before any build). */
export interface Lane {
  name: string;
  args: string[];
  env: { TEST_KAFKA_PORT: string; TEST_CLUSTER_PORT: string };
}
export function lanes(env: Record<string, string | undefined>): Lane[];
export function runLanes(env: Record<string, string | undefined>): Promise<string[]>;
