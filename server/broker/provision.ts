import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { findOnPath, lastLines, runCommand } from "./command";
import { BrokerError, USE_EXTERNAL_HINT } from "./errors";
import { describeFetching, tallyMavenLine, type FetchTally } from "./fetch-tally";
import { renderPom } from "./properties";
import { hostEnv } from "./host-env";

export interface ProvisionOptions {
  cacheDir: string;
  kafkaVersion: string;
  env?: NodeJS.ProcessEnv;
  progress?: (message: string) => void;
}

export interface KafkaRuntime {
  libDir: string;
  jarCount: number;
  bytes: number;
  cached: boolean;
  /** What Maven fetched, when this start downloaded the runtime. */
  fetched?: FetchTally;
}

interface CompletionMarker {
  version: string;
  jarCount: number;
  bytes: number;
}

export const DEFAULT_KAFKA_VERSION = "4.3.1";

const MARKER = "complete.json";
const PROGRESS_EVERY_MS = 2000;

export const versionDir = (cacheDir: string, version: string) => path.join(cacheDir, version);

export function assertValidVersion(version: string): void {
  if (/^\d+\.\d+\.\d+$/.test(version)) return;
  throw new BrokerError({
    code: "DOWNLOAD_FAILED",
    message: `"${version}" is not a Kafka version.`,
    fix: `set KAFKA_VERSION to a released version such as ${DEFAULT_KAFKA_VERSION}`,
  });
}

/** Makes the broker's jars available under `<cacheDir>/<version>/libs`, downloading them only once. */
export async function provisionKafka(opts: ProvisionOptions): Promise<KafkaRuntime> {
  assertValidVersion(opts.kafkaVersion);
  const dir = versionDir(opts.cacheDir, opts.kafkaVersion);
  const cached = await readCache(dir);
  if (cached) return cached;
  const fetched = await download(dir, opts);
  const fresh = await summarize(path.join(dir, "libs"));
  await writeFile(path.join(dir, MARKER), JSON.stringify({ version: opts.kafkaVersion, ...fresh }));
  return { libDir: path.join(dir, "libs"), ...fresh, cached: false, fetched };
}

async function readCache(dir: string): Promise<KafkaRuntime | null> {
  const libDir = path.join(dir, "libs");
  try {
    const marker = JSON.parse(await readFile(path.join(dir, MARKER), "utf8")) as CompletionMarker;
    const actual = await summarize(libDir);
    return actual.jarCount === marker.jarCount ? { libDir, ...actual, cached: true } : null;
  } catch {
    return null;
  }
}

async function summarize(libDir: string): Promise<{ jarCount: number; bytes: number }> {
  const jars = (await readdir(libDir)).filter((f) => f.endsWith(".jar"));
  const sizes = await Promise.all(jars.map(async (j) => (await stat(path.join(libDir, j))).size));
  return { jarCount: jars.length, bytes: sizes.reduce((a, b) => a + b, 0) };
}

async function download(dir: string, opts: ProvisionOptions): Promise<FetchTally> {
  const mvn = findOnPath("mvn", opts.env ?? hostEnv());
  if (!mvn) {
    throw new BrokerError({
      code: "MAVEN_MISSING",
      message: "Maven (`mvn`) is not on PATH; it is needed once to download the Kafka broker.",
      fix: `install Maven (e.g. \`sudo apt-get install maven\` or \`brew install maven\`), ${USE_EXTERNAL_HINT}`,
    });
  }
  opts.progress?.(`downloading Kafka ${opts.kafkaVersion} and its dependencies from Maven Central (first start only, ~45 MB of jars)`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "pom.xml"), renderPom(opts.kafkaVersion));
  // A private staging dir keeps a concurrent or interrupted download from leaving a half-filled libs/.
  const staging = path.join(dir, `libs.partial-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  const reporter = progressReporter(opts.kafkaVersion, opts.progress);
  const result = await runCommand(mvn, mavenArgs(staging), { cwd: dir, env: opts.env, onLine: reporter.onLine });
  if (result.code !== 0) {
    await rm(staging, { recursive: true, force: true });
    throw downloadFailed(opts.kafkaVersion, result.output);
  }
  await moveIntoPlace(staging, path.join(dir, "libs"));
  return reporter.tally();
}

// -U: without it Maven caches a failed lookup, so a retry after fixing the network would fail the same way.
const mavenArgs = (outputDir: string) => [
  "-B",
  "-U",
  "-f",
  "pom.xml",
  "dependency:copy-dependencies",
  `-DoutputDirectory=${outputDir}`,
  "-DincludeScope=runtime",
];

function progressReporter(version: string, progress?: (message: string) => void) {
  let tally: FetchTally = { files: 0, jars: 0 };
  let lastReport = Date.now();
  return {
    tally: () => tally,
    onLine(line: string) {
      const next = tallyMavenLine(tally, line);
      if (next === tally) return;
      tally = next;
      if (Date.now() - lastReport < PROGRESS_EVERY_MS) return;
      lastReport = Date.now();
      progress?.(describeFetching(version, tally));
    },
  };
}

async function moveIntoPlace(staging: string, libDir: string): Promise<void> {
  await rm(libDir, { recursive: true, force: true });
  try {
    await rename(staging, libDir);
  } catch (e) {
    if (!existsSync(libDir)) throw e;
    await rm(staging, { recursive: true, force: true });
  }
}

const MAVEN_BOILERPLATE = /^(To see the full stack trace|Re-run Maven|For more information|\[Help \d+\])/;

/** Maven's own [ERROR] lines without its generic "re-run with -X" advice. */
export function mavenErrorSummary(output: string[]): string {
  return output
    .filter((l) => l.startsWith("[ERROR]"))
    .map((l) => l.replace(/^\[ERROR\]\s*/, "").replace(/\s*-> \[Help \d+\]$/, ""))
    .filter((l) => l && !MAVEN_BOILERPLATE.test(l))
    .slice(0, 5)
    .join("\n");
}

function downloadFailed(version: string, output: string[]): BrokerError {
  const detail = mavenErrorSummary(output) || lastLines(output, 12).join("\n");
  return new BrokerError({
    code: "DOWNLOAD_FAILED",
    message: `Downloading Kafka ${version} with Maven failed:\n${detail}`,
    fix: `check network access to Maven Central and that KAFKA_VERSION=${version} is a released Kafka version (default ${DEFAULT_KAFKA_VERSION}), then retry, ${USE_EXTERNAL_HINT}`,
    retriable: true,
  });
}
