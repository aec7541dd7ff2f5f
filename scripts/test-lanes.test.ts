import { describe, expect, it } from "vitest";
import { lanes } from "./test-lanes.mjs";

/** The ports a lane's tests may take: the shared broker and files' own brokers, and three-node clusters. */
function portRanges(env: Record<string, string>) {
  const kafka = Number(env.TEST_KAFKA_PORT);
  const cluster = Number(env.TEST_CLUSTER_PORT);
  return [
    [kafka, kafka + 111],
    [cluster, cluster + 15],
  ] as const;
}

const overlap = (a: readonly [number, number], b: readonly [number, number]) => a[0] <= b[1] && b[0] <= a[1];

describe("npm test lanes", () => {
  it("run every project once: unit and integration in one lane, the browser tests in the other", () => {
    const projects = lanes({}).flatMap((l) => l.args.filter((_, i, a) => a[i - 1] === "--project"));
    expect(projects.sort()).toEqual(["e2e", "integration", "unit"]);
  });

  it("keep the ports set in the environment for the first lane", () => {
    expect(lanes({ TEST_KAFKA_PORT: "29092", TEST_CLUSTER_PORT: "29110" })[0]!.env).toEqual({ TEST_KAFKA_PORT: "29092", TEST_CLUSTER_PORT: "29110" });
  });

  it.each([{}, { TEST_KAFKA_PORT: "29092", TEST_CLUSTER_PORT: "29110" }])("give the two lanes port ranges that never meet (%o)", (env) => {
    const [a, b] = lanes(env).map((l) => portRanges(l.env));
    for (const ra of a!) for (const rb of b!) expect(overlap(ra, rb)).toBe(false);
  });
});
