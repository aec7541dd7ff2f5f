import { readFileSync, readdirSync } from "node:fs";

/** Resident set size of one process in MB, from /proc/<pid>/status (0 when it is gone). */
export function rssMB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Every live descendant of `root` (children, grandchildren, …), from /proc/<pid>/stat. */
export function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // "pid (comm) state ppid …": comm may hold spaces, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(name), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const frontier = [root];
  while (frontier.length) {
    const p = frontier.pop()!;
    for (const [child, parent] of parentOf) {
      if (parent !== p) continue;
      out.push(child);
      frontier.push(child);
    }
  }
  return out;
}

/** A short name for a process: the script a node process runs, else its executable. */
export function processLabel(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    const script = argv.find((a) => /\.(ts|mjs|js)$/.test(a));
    if (script) return script.split("/").slice(-2).join("/");
    if (argv[0]?.endsWith("java")) return "broker JVM";
    return argv[0]?.split("/").pop() ?? String(pid);
  } catch {
    return String(pid);
  }
}

/** Total RSS (MB) of the given processes and all their descendants, each counted once. */
export function treeRssMB(roots: number[]): { totalMB: number; byPid: Record<number, number> } {
  const pids = new Set<number>();
  for (const r of roots) {
    pids.add(r);
    for (const d of descendants(r)) pids.add(d);
  }
  const byPid: Record<number, number> = {};
  let totalMB = 0;
  for (const p of pids) {
    const mb = rssMB(p);
    if (mb <= 0) continue;
    byPid[p] = Math.round(mb);
    totalMB += mb;
  }
  return { totalMB, byPid };
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

export interface TreeSampler {
  /** CPU seconds used so far by the root and every descendant seen alive at some sample. */
  cpuSeconds(): number;
  peakRssMB(): number;
  stop(): void;
}

/**
 * Sample process trees every `everyMs`: its summed RSS (peak kept) and each process's CPU seconds
 * (the last reading kept, so a child that exited between samples still counts up to its last reading).
 */
export function sampleTree(roots: () => number[], everyMs = 500): TreeSampler {
  const cpu = new Map<number, number>();
  let peak = 0;
  const take = () => {
    const pids = new Set(roots().flatMap((r) => [r, ...descendants(r)]));
    let rss = 0;
    for (const p of pids) {
      const c = cpuSeconds(p);
      if (c > 0) cpu.set(p, c);
      rss += rssMB(p);
    }
    peak = Math.max(peak, rss);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    cpuSeconds: () => {
      take();
      return [...cpu.values()].reduce((a, b) => a + b, 0);
    },
    peakRssMB: () => peak,
    stop: () => clearInterval(timer),
  };
}
