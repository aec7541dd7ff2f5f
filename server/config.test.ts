import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, REPO_ROOT, loadServerConfig } from "./config";

const load = (env: Record<string, string>) => loadServerConfig(env as NodeJS.ProcessEnv);

function problemsOf(env: Record<string, string>) {
  try {
    load(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
  }
  throw new Error("expected a ConfigError");
}

describe("loadServerConfig", () => {
  it("uses defaults for an empty environment, with an embedded broker", () => {
    expect(load({})).toEqual({
      port: 3000,
      host: "127.0.0.1",
      brokerMode: "embedded",
      kafkaBrokers: ["127.0.0.1:9092"],
      kafkaPort: 9092,
      kafkaNodes: null,
      kafkaVersion: "4.3.1",
      kafkaHeapMb: 256,
      workerNice: 10,
      kafkaNice: 10,
      dataDir: path.join(REPO_ROOT, ".lab"),
      logLevel: "info",
      logFormat: "pretty",
      startedAt: null,
      dashboardToken: null,
      topicPrefix: "",
      allowedHosts: [],
      retentionMs: 3600_000,
      retentionMb: 2048,
      resume: true,
    });
  });

  it("reads the topics' retention and refuses one too short or too small to run the lab", () => {
    expect(load({ LAB_RETENTION_MS: "600000", LAB_RETENTION_MB: "512" })).toMatchObject({ retentionMs: 600_000, retentionMb: 512 });
    const err = problemsOf({ LAB_RETENTION_MS: "1000", LAB_RETENTION_MB: "10" });
    expect(err.problems.map((p) => p.variable)).toEqual(["LAB_RETENTION_MS", "LAB_RETENTION_MB"]);
    expect(err.message).toMatch(/LAB_RETENTION_MB=2048/);
  });

  it("resumes after an unclean stop unless LAB_RESUME=false, and refuses anything but true or false", () => {
    expect(load({ LAB_RESUME: "false" }).resume).toBe(false);
    expect(load({ LAB_RESUME: "true" }).resume).toBe(true);
    const err = problemsOf({ LAB_RESUME: "no" });
    expect(err.problems.map((p) => p.variable)).toEqual(["LAB_RESUME"]);
    expect(err.message).toMatch(/true or false.*LAB_RESUME=false/);
  });

  it("refuses a broker heap under 128 MB and a niceness outside 0–19, saying how to fix each", () => {
    const err = problemsOf({ KAFKA_HEAP_MB: "64", WORKER_NICE: "20", KAFKA_NICE: "-1" });
    expect(err.problems.map((p) => p.variable)).toEqual(["KAFKA_HEAP_MB", "KAFKA_NICE", "WORKER_NICE"]);
    expect(err.message).toMatch(/KAFKA_NICE=0/);
    expect(err.message).toMatch(/KAFKA_HEAP_MB=512/);
    expect(err.message).toMatch(/WORKER_NICE=0/);
  });

  it("puts the default data dir in the repository root", () => {
    expect(path.join(REPO_ROOT, "package.json")).toBe(path.resolve(import.meta.dirname, "..", "package.json"));
  });

  it("switches to external mode when KAFKA_BROKERS is set", () => {
    const config = load({ KAFKA_BROKERS: " kafka-1:9092, 10.0.0.2:9093 ,[::1]:9094" });
    expect(config.brokerMode).toBe("external");
    expect(config.kafkaBrokers).toEqual(["kafka-1:9092", "10.0.0.2:9093", "[::1]:9094"]);
  });

  it("treats blank values as unset", () => {
    expect(load({ KAFKA_BROKERS: "", PORT: "  " })).toMatchObject({ brokerMode: "embedded", port: 3000 });
  });

  it("embedded mode points at KAFKA_PORT", () => {
    expect(load({ KAFKA_PORT: "29092" }).kafkaBrokers).toEqual(["127.0.0.1:29092"]);
  });

  it("reads KAFKA_NODES as 1 or 3, lists every node's address, and refuses other counts or a port range past 65535", () => {
    expect(load({ KAFKA_NODES: "3", KAFKA_PORT: "19110" })).toMatchObject({
      kafkaNodes: 3,
      kafkaBrokers: ["127.0.0.1:19110", "127.0.0.1:19112", "127.0.0.1:19114"],
    });
    expect(load({ KAFKA_NODES: "1" }).kafkaNodes).toBe(1);
    expect(problemsOf({ KAFKA_NODES: "2" }).problems.map((p) => p.variable)).toEqual(["KAFKA_NODES"]);
    const range = problemsOf({ KAFKA_NODES: "3", KAFKA_PORT: "65532" });
    expect(range.problems).toEqual([expect.objectContaining({ variable: "KAFKA_PORT", given: "65532", expected: expect.stringContaining("65530") })]);
  });

  it("reads every variable", () => {
    const config = load({
      PORT: "8080",
      HOST: "0.0.0.0",
      KAFKA_VERSION: "4.1.1",
      LAB_DATA_DIR: "/tmp/lab-data",
      LOG_LEVEL: "debug",
      DASHBOARD_TOKEN: "s3cret",
      LAB_TOPIC_PREFIX: "alice.",
      KAFKA_HEAP_MB: "1024",
      WORKER_NICE: "0",
      KAFKA_NICE: "5",
    });
    expect(config).toMatchObject({ kafkaHeapMb: 1024, workerNice: 0, kafkaNice: 5 });
    expect(config).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      kafkaVersion: "4.1.1",
      dataDir: "/tmp/lab-data",
      logLevel: "debug",
      dashboardToken: "s3cret",
      topicPrefix: "alice.",
    });
  });

  it("reads the terminal's log format and when npm start began, and refuses an unknown format", () => {
    expect(load({ LOG_FORMAT: "json", LAB_STARTED_AT: "1767225600000" })).toMatchObject({ logFormat: "json", startedAt: 1767225600000 });
    expect(problemsOf({ LOG_FORMAT: "xml" }).message).toContain('LOG_FORMAT="xml": expected one of pretty, json');
  });

  it("resolves a relative LAB_DATA_DIR to an absolute path", () => {
    expect(load({ LAB_DATA_DIR: "rel/dir" }).dataDir).toBe(path.resolve("rel/dir"));
  });

  it("names each bad variable with what was given, what is expected and an example", () => {
    const error = problemsOf({ PORT: "abc", KAFKA_PORT: "65535", LOG_LEVEL: "verbose" });
    expect(error.problems.map((p) => p.variable)).toEqual(["PORT", "KAFKA_PORT", "LOG_LEVEL"]);
    expect(error.message).toContain('PORT="abc": expected a TCP port number from 1 to 65535. Example: PORT=3000');
    expect(error.message).toContain("KAFKA_PORT+1");
    expect(error.message).toContain('LOG_LEVEL="verbose": expected one of fatal, error, warn, info, debug, trace, silent');
  });

  it("rejects broker lists with an entry that is not host:port", () => {
    for (const bad of ["localhost", "localhost:0", "localhost:99999", "a:1,b", "http://x:9092"]) {
      const error = problemsOf({ KAFKA_BROKERS: bad });
      expect(error.problems[0]?.variable).toBe("KAFKA_BROKERS");
    }
  });

  it("reads LAB_ALLOWED_HOSTS as names or name:port, lower-cased, and refuses anything else", () => {
    expect(load({ LAB_ALLOWED_HOSTS: " Lab.Example.com, 192.168.1.20:3000,[::1]:8080 " }).allowedHosts).toEqual([
      "lab.example.com",
      "192.168.1.20:3000",
      "[::1]:8080",
    ]);
    for (const bad of ["http://lab.example.com", "lab.example.com:0", "a b", "x,/"]) {
      const error = problemsOf({ LAB_ALLOWED_HOSTS: bad });
      expect(error.problems[0]?.variable).toBe("LAB_ALLOWED_HOSTS");
      expect(error.message).toContain("LAB_ALLOWED_HOSTS=lab.example.com");
    }
  });

  it("rejects a Kafka version that is not x.y.z", () => {
    expect(problemsOf({ KAFKA_VERSION: "latest" }).problems[0]).toMatchObject({ variable: "KAFKA_VERSION", given: "latest" });
  });

  it("rejects ports out of range and non-integers", () => {
    for (const bad of ["0", "65536", "80.5", "-1"]) {
      expect(problemsOf({ PORT: bad }).problems[0]?.given).toBe(bad);
    }
  });

  it("reads nothing from process.env when given an environment", () => {
    process.env.PORT = "not-a-port";
    try {
      expect(load({}).port).toBe(3000);
    } finally {
      delete process.env.PORT;
    }
  });
});
