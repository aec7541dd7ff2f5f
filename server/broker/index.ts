export { startEmbeddedBroker } from "./embedded-broker";
export { formatStep } from "./format-step";
export { BrokerError, isBrokerError, type BrokerErrorCode } from "./errors";
export { findJava, parseJavaVersion, MIN_JAVA_MAJOR } from "./java";
export { recoverOrphan } from "./pid-file";
export { DEFAULT_KAFKA_VERSION } from "./provision";
export type { BrokerStep, EmbeddedBroker, EmbeddedBrokerOptions } from "./types";
export { startEmbeddedCluster, type EmbeddedCluster, type EmbeddedClusterOptions } from "./cluster";
export { bootstrapOf, clusterLayout, quorumVoters, type NodeLayout } from "./cluster-layout";
