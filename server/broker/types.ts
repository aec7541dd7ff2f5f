import type { Replication } from "@/lib/pipeline/replication";

export interface EmbeddedBrokerOptions {
  /** Broker (PLAINTEXT) port on 127.0.0.1. */
  port: number;
  /** Controller port on 127.0.0.1; default port + 1. */
  controllerPort?: number;
  /** Kafka log dir; topics and records persist here across restarts. */
  dataDir: string;
  /** Jar cache root; jars live in `<cacheDir>/<kafkaVersion>/libs`. */
  cacheDir: string;
  kafkaVersion: string;
  /** JVM max heap, default 256 (one lab namespace; the test broker, holding every test's topics, takes more). */
  heapMb?: number;
  /**
   * Startup gives up when the broker has been this long neither ready nor showing progress (a log line,
   * such as log recovery's, or CPU work), default 60000: a slow machine or a long recovery is waited for.
   */
  readyStallMs?: number;
  /** And after this long in all, progress or not; default 900000 (15 min). */
  readyMaxMs?: number;
  /**
   * CPU niceness of the JVM (0–19, default 0). Its session's CPU share is lowered with it: the broker
   * leads its own session, so without that a nice value would not count against the browser.
   */
  nice?: number;
  /** Broker log file; default `<dataDir>.log`, i.e. beside the data dir. */
  logFile?: string;
  /** Environment for java and mvn lookup and runs; default the host's (./host-env.ts). */
  env?: NodeJS.ProcessEnv;
  log?: (step: BrokerStep) => void;
  /** KRaft node.id, default 1. */
  nodeId?: number;
  /** A cluster node's static quorum (cluster-layout.ts); absent: a lone node, its own quorum. */
  quorumVoters?: string;
  /** Replication defaults written to server.properties; absent: one node's (lib/pipeline/replication.ts). */
  replication?: Replication;
}

export type BrokerStep = {
  step: "java" | "resolve" | "format" | "start" | "ready" | "stop" | "recover";
  message: string;
  elapsedMs?: number;
};

export interface EmbeddedBroker {
  /** "127.0.0.1:port" */
  bootstrap: string;
  clusterId: string;
  version: string;
  /** The JVM's pid. */
  pid: number;
  logFile: string;
  stop(): Promise<void>;
  /** SIGKILL, no grace: what a crash or `kill -9` does. Resolves with the JVM's exit once it is gone. */
  kill(): Promise<{ code: number | null; signal: string | null }>;
  /** resolves when the JVM exits for any reason */
  exited: Promise<{ code: number | null; signal: string | null }>;
}
