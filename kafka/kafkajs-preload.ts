import { existsSync } from "node:fs";
import Module from "node:module";
import { groupMessagesPerPartition } from "./partition-grouping";
import { pooledEncoder, type KafkajsEncoderClass } from "./pooled-encoder";

/**
 * Loaded with `node --require` before a worker's own code (server/supervisor/spawn.ts), so before
 * kafkajs: in the module cache, where kafkajs then finds them, kafkajs' quadratic per-partition grouping
 * is replaced by ./partition-grouping.ts and its Encoder by the one of ./pooled-encoder.ts. The files'
 * paths are fixed when the workers are compiled (server/supervisor/worker-scripts.ts); without them, or
 * with a kafkajs that moved a file, that file is not replaced and kafkajs runs as shipped.
 */
declare const KAFKAJS_GROUPING_FILE: string | null;
declare const KAFKAJS_ENCODER_FILE: string | null;

const pathOf = (file: unknown) => (typeof file === "string" && existsSync(file) && !require.cache[file] ? file : null);

const grouping = pathOf(typeof KAFKAJS_GROUPING_FILE === "undefined" ? null : KAFKAJS_GROUPING_FILE);
if (grouping) {
  const replacement = new Module(grouping);
  replacement.filename = grouping;
  replacement.loaded = true;
  replacement.exports = groupMessagesPerPartition;
  require.cache[grouping] = replacement;
}

const encoder = pathOf(typeof KAFKAJS_ENCODER_FILE === "undefined" ? null : KAFKAJS_ENCODER_FILE);
if (encoder) {
  // kafkajs' own class is loaded first (the subclass extends it), then its cache entry exports the subclass.
  const original = Module.createRequire(encoder)(encoder) as KafkajsEncoderClass;
  require.cache[encoder]!.exports = pooledEncoder(original);
}
