import type { EmbeddedBroker } from "./types";

export type Exit = { code: number | null; signal: string | null };

/** A broker (or cluster node) handle whose JVM "dies" when the test says so, for the control tests. */
export function fakeBroker(pid: number, bootstrap = "127.0.0.1:1"): EmbeddedBroker & { crash(exit: Exit): void } {
  let die: (exit: Exit) => void = () => {};
  const exited = new Promise<Exit>((r) => (die = r));
  return {
    bootstrap,
    clusterId: "c",
    version: "4.3.1",
    pid,
    logFile: "/l",
    exited,
    stop: async () => die({ code: 0, signal: null }),
    kill: async () => {
      die({ code: null, signal: "SIGKILL" });
      return exited;
    },
    crash: (exit) => die(exit),
  };
}
