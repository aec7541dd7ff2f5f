import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { lastLines, runCommand } from "./command";
import { BrokerError } from "./errors";
import { parseProperties } from "./properties";

export const metaPropertiesPath = (dataDir: string) => path.join(dataDir, "meta.properties");

export const isFormatted = (dataDir: string) => existsSync(metaPropertiesPath(dataDir));

export async function readClusterId(dataDir: string): Promise<string> {
  const id = parseProperties(await readFile(metaPropertiesPath(dataDir), "utf8")).get("cluster.id");
  if (!id) throw new Error(`${metaPropertiesPath(dataDir)} has no cluster.id`);
  return id;
}

/**
 * Same shape as Kafka's `Uuid.randomUuid()` (16 random bytes, URL-safe base64, no padding),
 * generated here to save a JVM start; like Kafka, avoids ids starting with "-" that CLIs misread.
 */
export function newClusterId(bytes: () => Buffer = () => randomBytes(16)): string {
  for (;;) {
    const id = bytes().toString("base64url");
    if (!id.startsWith("-") && !/^A{21}[AQ]$/.test(id)) return id;
  }
}

export interface FormatOptions {
  java: string;
  classpath: string;
  propertiesFile: string;
  clusterId: string;
  /** One node, its own quorum (`--standalone`); a cluster's node finds its quorum in the properties' static voters. */
  standalone: boolean;
  env?: NodeJS.ProcessEnv;
}

export async function formatStorage(o: FormatOptions): Promise<void> {
  const args = ["-cp", o.classpath, "kafka.tools.StorageTool", "format", "-t", o.clusterId, "-c", o.propertiesFile];
  if (o.standalone) args.push("--standalone");
  const result = await runCommand(o.java, args, { env: o.env });
  if (result.code === 0) return;
  throw new BrokerError({
    code: "FORMAT_FAILED",
    message: `Formatting Kafka storage failed (exit ${result.code ?? result.signal}):\n${lastLines(result.output, 20).join("\n")}`,
    fix: "delete the broker data dir (LAB_DATA_DIR/broker) to start from empty storage, then retry",
  });
}
