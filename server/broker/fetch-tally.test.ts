import { describe, expect, it } from "vitest";
import { describeFetching, describeResolved, tallyMavenLine } from "./fetch-tally";

const none = { files: 0, jars: 0 };

describe("tallyMavenLine", () => {
  it("counts each downloaded file and, apart, the jars among them", () => {
    const lines = [
      "[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/apache/kafka/kafka_2.13/4.3.1/kafka_2.13-4.3.1.pom",
      "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/apache/kafka/kafka_2.13/4.3.1/kafka_2.13-4.3.1.pom (3.1 kB at 20 kB/s)",
      "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/apache/kafka/kafka_2.13/4.3.1/kafka_2.13-4.3.1.jar (6.5 MB at 2.1 MB/s)",
      "[INFO] BUILD SUCCESS",
    ];
    expect(lines.reduce(tallyMavenLine, none)).toEqual({ files: 2, jars: 1 });
  });

  it("still counts a downloaded line in a shape it does not know, as a file that is not a jar", () => {
    expect(tallyMavenLine(none, "Downloaded from mirror")).toEqual({ files: 1, jars: 0 });
  });
});

describe("describeResolved", () => {
  const base = { version: "4.3.1", jarCount: 46, bytes: 45 * 1024 * 1024 };

  it("explains the files fetched beside the jars the broker runs on", () => {
    expect(describeResolved({ ...base, cached: false, fetched: { files: 349, jars: 120 } })).toBe(
      "Kafka 4.3.1: 46 jars (45 MB) from Maven Central (349 files fetched in all: the broker's jars plus poms and Maven's own plugin jars)",
    );
  });

  it("says a cached runtime came from the cache", () => {
    expect(describeResolved({ ...base, cached: true })).toBe("Kafka 4.3.1: 46 jars (45 MB) from cache");
  });

  it("reports download progress with the jars counted apart", () => {
    expect(describeFetching("4.3.1", { files: 120, jars: 30 })).toBe("downloading Kafka 4.3.1 from Maven Central… 120 files so far (30 jars, the rest poms)");
  });
});
