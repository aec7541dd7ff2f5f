import type { KafkaAdapter } from "@/kafka/adapter";
import type { BenchConfig } from "../config";

/** What every scenario is handed: the broker, a Kafka client, where the repo is, and how long to run. */
export interface BenchDeps {
  root: string;
  brokers: string;
  /** The broker JVM's pid when the bench started it (for memory), else null. */
  brokerPid: number | null;
  kafka: KafkaAdapter;
  quick: boolean;
  /** The bench environment, parsed once (bench/config.ts). */
  config: BenchConfig;
  /** Niceness of the worker processes the bench starts, as the app's WORKER_NICE (BENCH_WORKER_NICE, default 10). */
  workerNice: number;
  /** A topic prefix no earlier run used, so every scenario starts on fresh topics. */
  freshPrefix(label: string): string;
  log(line: string): void;
}
