/**
 * Installs the peers on first use, into git-ignored folders under .lab/peers: the Kafka Streams
 * application (bench/peers/kafka-streams, built with Maven, rebuilt when its sources or the Kafka
 * version change) and Spark (pyspark in a venv, its Kafka connector jars copied from Maven Central).
 * Each returns what it needs to launch, or why it cannot be had (the bench then skips that peer).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const exec = (cmd: string, args: string[], cwd: string, timeoutMs = 600_000) =>
  run("nice", ["-n", "10", cmd, ...args], { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });

export type Installed<T> = { ok: true; value: T; notes: string[] } | { ok: false; reason: string };

/** pyspark 3.5.x whose Kafka connector (Scala 2.12) Maven Central serves; 3.5.4+ connectors were not found there. */
export const SPARK_VERSION = "3.5.3";
/** What spark-sql-kafka-0-10_2.12:3.5.3 needs beyond pyspark's own jars (its pom's compile scope). */
export const SPARK_KAFKA_JARS = [
  `org.apache.spark:spark-sql-kafka-0-10_2.12:${SPARK_VERSION}`,
  `org.apache.spark:spark-token-provider-kafka-0-10_2.12:${SPARK_VERSION}`,
  "org.apache.kafka:kafka-clients:3.4.1",
  "org.apache.commons:commons-pool2:2.11.1",
];

async function missingTool(cmd: string, args: string[], root: string): Promise<string | null> {
  try {
    await run(cmd, args, { cwd: root, timeout: 60_000 });
    return null;
  } catch (err) {
    return `\`${cmd} ${args.join(" ")}\` failed: ${firstLine(err)}`;
  }
}

const firstLine = (err: unknown) => {
  const e = err as { stderr?: string; stdout?: string; message?: string };
  const text = `${e.stderr ?? ""}\n${e.stdout ?? ""}\n${e.message ?? String(err)}`;
  return (
    text
      .split("\n")
      .map((l) => l.replace(/\x1b\[[0-9;]*m/g, "").trim())
      .find((l) => /ERROR|error|not found|No such/.test(l)) ?? text.trim().split("\n")[0]
  )?.slice(0, 300);
};

export interface KafkaStreamsApp {
  /** `java` arguments that run it. */
  javaArgs: string[];
  kafkaVersion: string;
}

/** Build (once per source and Kafka version) the Kafka Streams peer; the client version follows the broker's when Maven Central has it. */
export async function ensureKafkaStreams(root: string, kafkaVersion: string, log: (l: string) => void): Promise<Installed<KafkaStreamsApp>> {
  const missing = (await missingTool("java", ["-version"], root)) ?? (await missingTool("mvn", ["-v"], root));
  if (missing) return { ok: false, reason: missing };
  const src = path.join(root, "bench", "peers", "kafka-streams");
  const target = path.join(root, ".lab", "peers", "kafka-streams", "target");
  const javaFile = path.join(src, "src", "main", "java", "lab", "bench", "StrategyTransform.java");
  const pomText = await readFile(path.join(src, "pom.xml"), "utf8");
  const pomVersion = /<kafka\.version>([^<]+)</.exec(pomText)?.[1] ?? kafkaVersion;
  const notes: string[] = [];
  for (const version of [...new Set([kafkaVersion, pomVersion])]) {
    const stamp = createHash("sha256")
      .update(pomText)
      .update(await readFile(javaFile))
      .update(version)
      .digest("hex");
    const stampFile = path.join(target, "built.sha256");
    const built = existsSync(stampFile) && (await readFile(stampFile, "utf8")) === stamp;
    if (!built) {
      log(`building the Kafka Streams peer with Maven (kafka-streams ${version}; first use only)…`);
      await rm(target, { recursive: true, force: true });
      try {
        await exec("mvn", ["-q", "-B", "-f", path.join(src, "pom.xml"), "-DskipTests", `-Dkafka.version=${version}`, "package"], root);
      } catch (err) {
        notes.push(`kafka-streams ${version} did not build: ${firstLine(err)}`);
        continue;
      }
      await writeFile(stampFile, stamp);
    }
    const classpath = `${path.join(target, "classes")}:${path.join(target, "lib", "*")}`;
    return {
      ok: true,
      notes,
      value: { kafkaVersion: version, javaArgs: ["-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath, "lab.bench.StrategyTransform"] },
    };
  }
  return { ok: false, reason: notes.join("; ") };
}

export interface SparkInstall {
  python: string;
  jars: string[];
}

/** pyspark SPARK_VERSION in .lab/peers/spark/venv and its Kafka connector jars in .lab/peers/spark/jars. */
export async function ensureSpark(root: string, log: (l: string) => void): Promise<Installed<SparkInstall>> {
  const missing = (await missingTool("python3", ["-c", "import venv, ensurepip"], root)) ?? (await missingTool("java", ["-version"], root));
  if (missing) return { ok: false, reason: `Python 3 with venv, and Java, are needed: ${missing}` };
  const home = path.join(root, ".lab", "peers", "spark");
  const venv = path.join(home, "venv");
  const python = path.join(venv, "bin", "python");
  const has = await run(python, ["-c", "import pyspark; print(pyspark.__version__)"], { timeout: 60_000 }).then(
    (r) => r.stdout.trim() === SPARK_VERSION,
    () => false,
  );
  if (!has) {
    log(`installing pyspark ${SPARK_VERSION} into ${path.relative(root, venv)} (first use only, ~320 MB)…`);
    try {
      if (!existsSync(python)) await exec("python3", ["-m", "venv", venv], root);
      await exec(path.join(venv, "bin", "pip"), ["install", "-q", "--disable-pip-version-check", `pyspark==${SPARK_VERSION}`], root, 1_200_000);
    } catch (err) {
      return { ok: false, reason: `pip could not install pyspark ${SPARK_VERSION}: ${firstLine(err)}` };
    }
  }
  const jarDir = path.join(home, "jars");
  await mkdir(jarDir, { recursive: true });
  const jarName = (coord: string) => {
    const [, artifact, version] = coord.split(":");
    return path.join(jarDir, `${artifact}-${version}.jar`);
  };
  for (const coord of SPARK_KAFKA_JARS) {
    if (existsSync(jarName(coord))) continue;
    const mvnMissing = await missingTool("mvn", ["-v"], root);
    if (mvnMissing) return { ok: false, reason: `Maven is needed to fetch Spark's Kafka connector: ${mvnMissing}` };
    log(`fetching ${coord} with Maven (first use only)…`);
    try {
      await exec(
        "mvn",
        ["-q", "-B", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy", `-Dartifact=${coord}`, `-DoutputDirectory=${jarDir}`],
        root,
      );
    } catch (err) {
      return { ok: false, reason: `Maven could not fetch ${coord}: ${firstLine(err)}` };
    }
  }
  const jars = (await readdir(jarDir)).filter((f) => f.endsWith(".jar")).map((f) => path.join(jarDir, f));
  return { ok: true, notes: [], value: { python, jars } };
}
