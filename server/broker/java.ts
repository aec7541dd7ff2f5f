import path from "node:path";
import { findOnPath, isExecutable, runCommand } from "./command";
import { BrokerError, USE_EXTERNAL_HINT } from "./errors";
import { hostEnv } from "./host-env";

export const MIN_JAVA_MAJOR = 17;

export interface JavaVersion {
  major: number;
  raw: string;
}

export interface JavaInstall {
  path: string;
  version: JavaVersion;
  /** JVM options this java accepts beyond the basics (probed, since they came in update releases). */
  extraOptions: string[];
}

/**
 * glibc keeps memory the JVM frees (after JIT compilations, network bursts) instead of returning it:
 * the broker's RSS then sits ~250 MB above what it uses, in some runs and not others. This option
 * (JDK 17.0.9+, 21.0.1+, 22+) trims it every 5 s; on older updates the JVM would refuse to start with it.
 */
export const TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

const INSTALL_FIX = `install Java ${MIN_JAVA_MAJOR} or newer (e.g. \`sudo apt-get install openjdk-${MIN_JAVA_MAJOR}-jre-headless\` or \`brew install openjdk@${MIN_JAVA_MAJOR}\`) and make sure \`java\` is on PATH, ${USE_EXTERNAL_HINT}`;

/** Reads the version out of `java -version` output ("1.8.0_292" is Java 8, "17.0.15" is 17). */
export function parseJavaVersion(output: string): JavaVersion | null {
  const match = /version "([^"]+)"/.exec(output) ?? /^(?:openjdk|java) (\d[^\s]*)/m.exec(output);
  const raw = match?.[1];
  if (!raw) return null;
  const parts = raw.split(/[._+-]/).map((p) => Number.parseInt(p, 10));
  const major = parts[0] === 1 ? parts[1] : parts[0];
  return major !== undefined && Number.isFinite(major) ? { major, raw } : null;
}

/** JAVA_HOME's java if set and present, else the first java on PATH. */
export function locateJava(env: NodeJS.ProcessEnv = hostEnv()): string | null {
  const fromHome = env.JAVA_HOME ? path.join(env.JAVA_HOME, "bin", "java") : null;
  if (fromHome && isExecutable(fromHome)) return fromHome;
  return findOnPath("java", env);
}

export async function findJava(env: NodeJS.ProcessEnv = hostEnv()): Promise<JavaInstall> {
  const javaPath = locateJava(env);
  if (!javaPath) {
    throw new BrokerError({
      code: "JAVA_MISSING",
      message: "Java was not found (no JAVA_HOME, no `java` on PATH); the embedded Kafka broker needs it.",
      fix: INSTALL_FIX,
    });
  }
  // One JVM start in the usual case: `-version` with the option reports the version too; only a java
  // that refuses the option is asked again without it.
  const probe = await runCommand(javaPath, [TRIM_NATIVE_HEAP, "-version"], { env });
  const trims = probe.code === 0;
  const result = trims ? probe : await runCommand(javaPath, ["-version"], { env });
  const version = parseJavaVersion(result.output.join("\n"));
  if (!version) {
    throw new BrokerError({
      code: "JAVA_MISSING",
      message: `Could not read the version from \`${javaPath} -version\`: ${result.output.slice(0, 3).join(" | ")}`,
      fix: INSTALL_FIX,
    });
  }
  if (version.major < MIN_JAVA_MAJOR) {
    throw new BrokerError({
      code: "JAVA_TOO_OLD",
      message: `Java ${version.raw} at ${javaPath} is too old: Kafka needs Java ${MIN_JAVA_MAJOR} or newer.`,
      fix: INSTALL_FIX,
    });
  }
  return { path: javaPath, version, extraOptions: trims ? [TRIM_NATIVE_HEAP] : [] };
}
