import { describe, expect, it } from "vitest";
import { replicationFor } from "@/lib/pipeline/replication";
import { parseProperties, renderLog4j2Config, renderPom, renderServerProperties } from "./properties";

describe("renderServerProperties", () => {
  const props = parseProperties(renderServerProperties({ port: 9092, controllerPort: 9093, dataDir: "/tmp/lab/broker" }));

  it("binds broker and controller listeners to loopback only", () => {
    expect(props.get("listeners")).toBe("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
    expect(props.get("advertised.listeners")).toBe("PLAINTEXT://127.0.0.1:9092");
    expect(props.get("controller.quorum.bootstrap.servers")).toBe("127.0.0.1:9093");
  });

  it("runs as a combined single-node KRaft broker and controller", () => {
    expect(props.get("process.roles")).toBe("broker,controller");
    expect(props.get("node.id")).toBe("1");
  });

  it("keeps data in the data dir", () => {
    expect(props.get("log.dirs")).toBe("/tmp/lab/broker");
  });

  it("uses replication factor 1 for internal topics so transactions work on one node", () => {
    expect(props.get("offsets.topic.replication.factor")).toBe("1");
    expect(props.get("transaction.state.log.replication.factor")).toBe("1");
    expect(props.get("transaction.state.log.min.isr")).toBe("1");
  });

  it("checks retention and looks for logs to compact every few seconds, so the log page's demos act within a minute", () => {
    expect(Number(props.get("log.retention.check.interval.ms"))).toBeLessThanOrEqual(10_000);
    expect(Number(props.get("log.cleaner.backoff.ms"))).toBeLessThanOrEqual(5_000);
  });

  it("defaults to 3 partitions and allows overriding it", () => {
    expect(props.get("num.partitions")).toBe("3");
    const custom = renderServerProperties({ port: 1, controllerPort: 2, dataDir: "/d", numPartitions: 6 });
    expect(parseProperties(custom).get("num.partitions")).toBe("6");
  });

  it("escapes backslashes in paths", () => {
    const text = renderServerProperties({ port: 1, controllerPort: 2, dataDir: "C:\\lab" });
    expect(text).toContain("log.dirs=C:\\\\lab");
  });
});

describe("renderLog4j2Config", () => {
  it("keeps the root at WARN but the readiness and log-recovery loggers at INFO", () => {
    const xml = renderLog4j2Config();
    expect(xml).toContain('<Root level="WARN">');
    expect(xml).toContain('<Logger name="kafka.server.KafkaRaftServer" level="INFO"/>');
    expect(xml).toContain('<Logger name="kafka.log.LogManager" level="INFO"/>');
    expect(xml).toContain('<Logger name="org.apache.kafka.storage.internals.log.LogLoader" level="INFO"/>');
  });
});

describe("renderPom", () => {
  it("depends on the requested Kafka version and a log4j2 binding", () => {
    const pom = renderPom("4.3.1");
    expect(pom).toContain("<artifactId>kafka_2.13</artifactId><version>4.3.1</version>");
    expect(pom).toContain("<artifactId>log4j-slf4j2-impl</artifactId>");
  });
});

describe("parseProperties", () => {
  it("skips comments and splits on the first separator", () => {
    const map = parseProperties("#Tue Nov 22\ncluster.id=abc=def\n\nversion=1\n");
    expect(map.get("cluster.id")).toBe("abc=def");
    expect(map.get("version")).toBe("1");
    expect(map.size).toBe(2);
  });
});

describe("renderServerProperties for a cluster's node", () => {
  const voters = "1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097";
  const props = parseProperties(
    renderServerProperties({ port: 9094, controllerPort: 9095, dataDir: "/d/node-2", nodeId: 2, quorumVoters: voters, replication: replicationFor(3) }),
  );

  it("joins the static quorum of every node instead of bootstrapping its own", () => {
    expect(props.get("node.id")).toBe("2");
    expect(props.get("controller.quorum.voters")).toBe(voters);
    expect(props.has("controller.quorum.bootstrap.servers")).toBe(false);
    // Waits for the quorum as long as the launcher's readiness check does, not Kafka's 60 s.
    expect(props.get("initial.broker.registration.timeout.ms")).toBe("900000");
    expect(props.get("listeners")).toBe("PLAINTEXT://127.0.0.1:9094,CONTROLLER://127.0.0.1:9095");
  });

  it("replicates internal and new topics three times, needs two in sync, and keeps unclean election off", () => {
    expect(props.get("offsets.topic.replication.factor")).toBe("3");
    expect(props.get("transaction.state.log.replication.factor")).toBe("3");
    expect(props.get("transaction.state.log.min.isr")).toBe("2");
    expect(props.get("default.replication.factor")).toBe("3");
    expect(props.get("min.insync.replicas")).toBe("2");
    expect(props.get("unclean.leader.election.enable")).toBe("false");
  });
});
