import { replicationBrokerConfig, replicationFor, type Replication } from "@/lib/pipeline/replication";

export interface ServerPropertiesOptions {
  port: number;
  controllerPort: number;
  dataDir: string;
  nodeId?: number;
  numPartitions?: number;
  /** A cluster's static quorum (`1@host:port,…`, see cluster-layout.ts); absent: one node, its own quorum. */
  quorumVoters?: string;
  /** Default: one node's (every factor 1). */
  replication?: Replication;
}

const HOST = "127.0.0.1";
/** How often the embedded broker deletes segments past retention (Kafka's default: 5 min). */
export const LOG_RETENTION_CHECK_MS = 5000;
/** How long the log cleaner sleeps when no log needs compacting (Kafka's default: 15 s). */
export const LOG_CLEANER_BACKOFF_MS = 2000;
const CLUSTER_REGISTRATION_TIMEOUT_MS = 15 * 60_000;

/** A KRaft node (broker + controller) bound to loopback only: alone, or one voter of a cluster's quorum. */
export function renderServerProperties(o: ServerPropertiesOptions): string {
  const quorum: [string, string] = o.quorumVoters
    ? ["controller.quorum.voters", o.quorumVoters]
    : ["controller.quorum.bootstrap.servers", `${HOST}:${o.controllerPort}`];
  const entries: [string, string | number | boolean][] = [
    ["process.roles", "broker,controller"],
    ["node.id", o.nodeId ?? 1],
    quorum,
    ["listeners", `PLAINTEXT://${HOST}:${o.port},CONTROLLER://${HOST}:${o.controllerPort}`],
    ["advertised.listeners", `PLAINTEXT://${HOST}:${o.port}`],
    ["controller.listener.names", "CONTROLLER"],
    ["listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"],
    ["inter.broker.listener.name", "PLAINTEXT"],
    ["log.dirs", o.dataDir],
    ["num.partitions", o.numPartitions ?? 3],
    ...replicationBrokerConfig(o.replication ?? replicationFor(1)),
    ["group.initial.rebalance.delay.ms", 0],
    // The log page's storage and compaction demos act within seconds, not Kafka's 5 min and 15 s:
    // retention is checked, and the cleaner looks for dirty logs, every few seconds (cheap on a lab's topics).
    ["log.retention.check.interval.ms", LOG_RETENTION_CHECK_MS],
    ["log.cleaner.backoff.ms", LOG_CLEANER_BACKOFF_MS],
  ];
  // A node's broker waits for the quorum to register it, 60 s by default, then exits. Three JVMs starting
  // together on a loaded machine can take longer to elect a leader: the launcher's readiness judge decides
  // when a start has failed (no progress, or 15 min), not this timer.
  if (o.quorumVoters) entries.push(["initial.broker.registration.timeout.ms", CLUSTER_REGISTRATION_TIMEOUT_MS]);
  return entries.map(([k, v]) => `${k}=${escapePropertyValue(String(v))}`).join("\n") + "\n";
}

const escapePropertyValue = (v: string) => v.replace(/\\/g, "\\\\");

/** The readiness line comes from this logger, so it stays at INFO while the rest is WARN (but for RECOVERY_LOGGERS). */
export const READY_LOGGER = "kafka.server.KafkaRaftServer";
export const READY_MARKER = "Kafka Server started";

/** They report log loading and recovery at start, line by line, which readiness counts as progress (ready-progress.ts). */
export const RECOVERY_LOGGERS = ["kafka.log.LogManager", "org.apache.kafka.storage.internals.log.LogLoader"];

export function renderLog4j2Config(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN">
  <Appenders>
    <Console name="STDOUT" target="SYSTEM_OUT">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </Console>
  </Appenders>
  <Loggers>
    <Root level="WARN"><AppenderRef ref="STDOUT"/></Root>
    <Logger name="${READY_LOGGER}" level="INFO"/>
${RECOVERY_LOGGERS.map((name) => `    <Logger name="${name}" level="INFO"/>`).join("\n")}
  </Loggers>
</Configuration>
`;
}

const LOG4J_VERSION = "2.24.3";
const SLF4J_VERSION = "2.0.17";

export function kafkaDependencies(kafkaVersion: string): [group: string, artifact: string, version: string][] {
  return [
    ["org.apache.kafka", "kafka_2.13", kafkaVersion],
    ["org.slf4j", "slf4j-api", SLF4J_VERSION],
    ["org.apache.logging.log4j", "log4j-slf4j2-impl", LOG4J_VERSION],
    ["org.apache.logging.log4j", "log4j-core", LOG4J_VERSION],
  ];
}

/** A pom whose only job is to let `mvn dependency:copy-dependencies` fetch the broker's runtime jars. */
export function renderPom(kafkaVersion: string): string {
  const deps = kafkaDependencies(kafkaVersion)
    .map(([g, a, v]) => `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>lab.local</groupId>
  <artifactId>kafka-broker-runtime</artifactId>
  <version>${kafkaVersion}</version>
  <packaging>pom</packaging>
  <dependencies>
${deps}
  </dependencies>
</project>
`;
}

/** Parses Java .properties text (the subset Kafka writes: key=value, # comments). */
export function parseProperties(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("#") || trimmed.startsWith("!")) continue;
    const eq = trimmed.search(/[=:]/);
    if (eq > 0) map.set(trimmed.slice(0, eq).trim(), trimmed.slice(eq + 1).trim());
  }
  return map;
}
