import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { niceOf } from "@/tests/support/proc";
import { lowerCpuPriority, lowerSessionCpuShare, type CpuPriorityDeps } from "./cpu-priority";

function fakeDeps(over: Partial<CpuPriorityDeps> = {}) {
  const calls: string[] = [];
  const deps: CpuPriorityDeps = {
    setPriority: (pid, nice) => void calls.push(`nice ${pid} ${nice}`),
    writeProc: (file, text) => void calls.push(`write ${file} ${text}`),
    procExists: () => true,
    ...over,
  };
  return { deps, calls };
}

describe("lowerCpuPriority", () => {
  it("sets the process's nice value and its session's autogroup nice value", () => {
    const { deps, calls } = fakeDeps();
    expect(lowerCpuPriority(42, 10, deps)).toEqual([]);
    expect(calls).toEqual(["nice 42 10", "write /proc/42/autogroup 10"]);
  });

  it("leaves the autogroup alone where the kernel has none", () => {
    const { deps, calls } = fakeDeps({ procExists: () => false });
    expect(lowerCpuPriority(42, 5, deps)).toEqual([]);
    expect(calls).toEqual(["nice 42 5"]);
  });

  it("does nothing for nice 0", () => {
    const { deps, calls } = fakeDeps();
    expect(lowerCpuPriority(42, 0, deps)).toEqual([]);
    expect(calls).toEqual([]);
  });

  it("can lower only the session's share, for a process already started under nice", () => {
    const { deps, calls } = fakeDeps();
    expect(lowerSessionCpuShare(42, 10, deps)).toEqual([]);
    expect(calls).toEqual(["write /proc/42/autogroup 10"]);
  });

  it("reports what it could not do instead of throwing", () => {
    const { deps } = fakeDeps({
      setPriority: () => {
        throw new Error("EPERM");
      },
      writeProc: () => {
        throw new Error("EACCES");
      },
    });
    const problems = lowerCpuPriority(42, 10, deps);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/nice 10: EPERM/);
    expect(problems[1]).toMatch(/autogroup.*EACCES/);
  });

  it("lowers a real detached process's nice value and, where the kernel groups by session, its session's", async () => {
    const child = spawn("sleep", ["30"], { detached: true, stdio: "ignore" });
    try {
      expect(lowerCpuPriority(child.pid!, 7)).toEqual([]);
      expect(niceOf(child.pid!)).toBe(7);
      const autogroup = `/proc/${child.pid}/autogroup`;
      if (existsSync(autogroup)) expect(readFileSync(autogroup, "utf8")).toMatch(/nice 7/);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
