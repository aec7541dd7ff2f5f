import os from "node:os";
import path from "node:path";
import type { LabAdmin } from "@/kafka/adapter";
import { DEAD_LETTER_TOPIC } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import type { Logger, LogLevel } from "@/lib/log";
import { retry } from "@/lib/retry";
import type { WorkerScripts } from "../supervisor/worker-scripts";
import { createReplayRunner } from "./replay-runner";
import { createDatasetService } from "./service";
import { createDatasetStore } from "./store";

export type { DatasetService } from "./service";

/**
 * A replay's topic keeps its records by size only: their event times may be years old (the sample's
 * are 2015), and time-based retention counts from a record's timestamp, so it would delete them at once.
 */
export const DATASET_TOPIC_CONFIG = { "retention.ms": "-1", "retention.bytes": String(64 * 1024 * 1024), "segment.bytes": String(16 * 1024 * 1024) };

const TOPIC_RETRY = { attempts: 6, initialMs: 200, maxMs: 2000 };

export interface DatasetWiring {
  scripts: WorkerScripts;
  brokers: string;
  dataDir: string | null;
  topicPrefix?: string;
  logLevel?: LogLevel;
  workerNice?: number;
  log: Logger;
  admin: LabAdmin;
  partitions: () => number;
  ensureLabTopics: () => Promise<void>;
}

/** The dataset service with its files under LAB_DATA_DIR/datasets (a temporary dir when the lab has none). */
export function createDatasets(o: DatasetWiring) {
  const names = topicNames(o.topicPrefix);
  const runner = createReplayRunner({
    script: () => o.scripts.scriptAt("workers/dataset.ts"),
    brokers: () => o.brokers,
    topicPrefix: o.topicPrefix,
    logLevel: o.logLevel,
    nice: o.workerNice,
    log: o.log.child({ component: "datasets" }),
  });
  const dir = o.dataDir ? path.join(o.dataDir, "datasets") : path.join(os.tmpdir(), `kafka-lab-datasets-${process.pid}`);
  return createDatasetService({
    store: createDatasetStore(dir),
    runner,
    async ensureTopic(topic) {
      // The lab's topics (dead_letters among them) are made as the pipeline makes them, once: that takes a while.
      if (!(await o.admin.listTopics()).includes(names.name(DEAD_LETTER_TOPIC))) await o.ensureLabTopics();
      // A topic just created may not be in every broker's metadata yet (UNKNOWN_TOPIC_OR_PARTITION): ask again.
      await retry(() => o.admin.ensureTopics([names.name(topic)], o.partitions(), DATASET_TOPIC_CONFIG), TOPIC_RETRY);
    },
  });
}
