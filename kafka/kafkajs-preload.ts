import { existsSync } from "node:fs";
import Module from "node:module";
import { groupMessagesPerPartition } from "./partition-grouping";

/**
 * Loaded with `node --require` before a worker's own code (server/supervisor/spawn.ts), so before
 * kafkajs: kafkajs' quadratic per-partition grouping is replaced by ./partition-grouping.ts in the
 * module cache, where kafkajs' producer then finds it. The file's path is fixed when the workers are
 * compiled (server/supervisor/worker-scripts.ts); without it, or with a kafkajs that moved the file,
 * nothing is replaced and kafkajs runs as shipped.
 */
declare const KAFKAJS_GROUPING_FILE: string | null;

const file = typeof KAFKAJS_GROUPING_FILE === "string" ? KAFKAJS_GROUPING_FILE : null;
if (file && existsSync(file) && !require.cache[file]) {
  const replacement = new Module(file);
  replacement.filename = file;
  replacement.loaded = true;
  replacement.exports = groupMessagesPerPartition;
  require.cache[file] = replacement;
}
