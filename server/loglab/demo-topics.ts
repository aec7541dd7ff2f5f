import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { LabAdmin } from "@/kafka/adapter";
import type { Segment } from "@/lib/contract/log";
import { parseSegments, partitionDir } from "@/lib/loglab/storage";

/** Segments roll every few seconds and are deleted 15 s after: the learner sees both within a minute. */
export const STORAGE_CONFIG: Record<string, string> = {
  "cleanup.policy": "delete",
  "segment.ms": "4000",
  "retention.ms": "15000",
  "retention.bytes": "-1",
};

/**
 * The profile table: compacted as soon as anything is dirty, tombstones kept 10 s after the cleaner
 * first saw them. Segments roll every few seconds, because the cleaner never touches the active one.
 */
export const COMPACTION_CONFIG: Record<string, string> = {
  "cleanup.policy": "compact",
  "segment.ms": "4000",
  "min.cleanable.dirty.ratio": "0.01",
  "min.compaction.lag.ms": "0",
  "delete.retention.ms": "10000",
};

/** Create the topic with one partition if it is missing, and (re)apply the demo's configs. */
export async function ensureDemoTopic(admin: LabAdmin, topic: string, configs: Record<string, string>): Promise<void> {
  await admin.ensureTopics([topic], 1, configs);
  await admin.configureTopics([topic], configs);
}

/**
 * The segment files of partition 0 of `topic`, read from the first broker log dir that holds it.
 * Null without log dirs (an external cluster: its files are not ours to read).
 */
export async function readSegments(logDirs: readonly string[] | null, topic: string): Promise<Segment[] | null> {
  if (!logDirs) return null;
  for (const dir of logDirs) {
    const partition = path.join(dir, partitionDir(topic, 0));
    const names = await readdir(partition).catch(() => null);
    if (!names) continue;
    const files = await Promise.all(
      names.filter((n) => n.endsWith(".log")).map(async (name) => ({ name, bytes: (await stat(path.join(partition, name)).catch(() => null))?.size ?? 0 })),
    );
    return parseSegments(files);
  }
  return [];
}
