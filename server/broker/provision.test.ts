import { describe, expect, it } from "vitest";
import { assertValidVersion, mavenErrorSummary } from "./provision";

describe("mavenErrorSummary", () => {
  it("keeps Maven's cause and drops its generic advice", () => {
    const output = [
      "[INFO] Scanning for projects...",
      "[ERROR] Failed to execute goal on project x: Could not resolve dependencies: org.apache.kafka:kafka-tools-api:jar:4.4.0 was not found -> [Help 1]",
      "[ERROR] ",
      "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
      "[ERROR] Re-run Maven using the -X switch to enable full debug logging.",
      "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/DependencyResolutionException",
    ];
    expect(mavenErrorSummary(output)).toBe(
      "Failed to execute goal on project x: Could not resolve dependencies: org.apache.kafka:kafka-tools-api:jar:4.4.0 was not found",
    );
  });
});

describe("assertValidVersion", () => {
  it("accepts x.y.z and rejects anything else with a KAFKA_VERSION fix", () => {
    expect(() => assertValidVersion("4.3.1")).not.toThrow();
    expect(() => assertValidVersion("latest")).toThrow(/KAFKA_VERSION/);
  });
});
