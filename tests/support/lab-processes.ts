import { readdirSync, readFileSync } from "node:fs";

const read = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};

/** A process that is gone or a zombie (exited, waiting to be reaped) runs nothing any more. */
const isLive = (pid: number) => {
  const stat = read(`/proc/${pid}/stat`);
  return stat !== "" && stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
};

/**
 * Live processes whose command line or environment mentions `marker`: an app's data dir or topic prefix reaches
 * the server (LAB_DATA_DIR), its workers and producers (LAB_TOPIC_PREFIX) and its broker JVM (its data dir).
 */
export function processesMentioning(marker: string): { pid: number; cmdline: string }[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)
    .map((d) => ({ pid: Number(d), cmdline: read(`/proc/${d}/cmdline`).replace(/\0/g, " ").trim(), environ: read(`/proc/${d}/environ`) }))
    .filter((p) => (p.cmdline.includes(marker) || p.environ.includes(marker)) && isLive(p.pid))
    .map(({ pid, cmdline }) => ({ pid, cmdline }));
}
