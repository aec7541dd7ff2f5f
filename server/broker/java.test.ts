import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { findJava, parseJavaVersion, TRIM_NATIVE_HEAP } from "./java";

describe("parseJavaVersion", () => {
  it("reads the major version of a modern OpenJDK", () => {
    const out = 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6)';
    expect(parseJavaVersion(out)).toEqual({ major: 17, raw: "17.0.15" });
  });

  it("treats the legacy 1.x scheme as its minor number", () => {
    expect(parseJavaVersion('java version "1.8.0_292"')?.major).toBe(8);
  });

  it("reads bare and early-access versions", () => {
    expect(parseJavaVersion('openjdk version "21" 2023-09-19')?.major).toBe(21);
    expect(parseJavaVersion('openjdk version "22-ea" 2024-03-19')?.major).toBe(22);
  });

  it("reads the `java --version` style", () => {
    expect(parseJavaVersion("openjdk 21.0.2 2024-01-16")?.major).toBe(21);
  });

  it("returns null for output without a version", () => {
    expect(parseJavaVersion("bash: java: command not found")).toBeNull();
  });
});

describe("findJava", () => {
  it("finds this machine's java and offers the native-heap trim only if that java accepts it", async () => {
    const java = await findJava();
    expect(java.version.major).toBeGreaterThanOrEqual(17);
    const accepted = spawnSync(java.path, [TRIM_NATIVE_HEAP, "-version"]).status === 0;
    expect(java.extraOptions).toEqual(accepted ? [TRIM_NATIVE_HEAP] : []);
  });

  it("fails with an install-Java fix when java is on neither JAVA_HOME nor PATH", async () => {
    await expect(findJava({ ...process.env, PATH: "/nonexistent", JAVA_HOME: "" })).rejects.toMatchObject({
      code: "JAVA_MISSING",
      fix: expect.stringContaining("install Java 17"),
    });
  });
});
