import { describe, expect, it } from "vitest";
import { isBrokerCmdline } from "./pid-file";

describe("isBrokerCmdline", () => {
  const java = ["java", "-Xmx512m", "-cp", "/c/libs/*", "kafka.Kafka", "/lab/broker/server.properties"];

  it("recognises a kafka.Kafka JVM started on this data dir", () => {
    expect(isBrokerCmdline(java, "/lab/broker")).toBe(true);
  });

  it("rejects a broker on another data dir, even one sharing a name prefix", () => {
    expect(isBrokerCmdline(java, "/lab/bro")).toBe(false);
    expect(isBrokerCmdline(java, "/other")).toBe(false);
  });

  it("rejects a recycled pid running something else", () => {
    expect(isBrokerCmdline(["node", "/lab/broker/server.properties"], "/lab/broker")).toBe(false);
    expect(isBrokerCmdline(null, "/lab/broker")).toBe(false);
  });

  it("rejects the bash supervisor whose arguments mention the JVM's", () => {
    expect(isBrokerCmdline(["bash", "-c", "script", "kafka-supervisor", ...java], "/lab/broker")).toBe(false);
  });
});
