/**
 * Imported first by every worker entry, so that it runs before anything connects to Kafka: a worker never
 * outlives the process that started it. Above WORKER_NICE=0 a worker leads its own session, so neither a
 * Ctrl-C nor a SIGKILL of the app's process group reaches it; it must notice by itself that its parent died.
 *
 * Signs of that, each enough: the IPC channel closes ('disconnect'), the parent pid changes (the orphan is
 * re-parented to 1 or a subreaper), or writing a log line to the parent's pipe fails with EPIPE. The parent
 * pid is polled from a small thread of its own, so a worker whose event loop is stuck (a blocked call, a
 * long GC under load) is still killed when its parent goes.
 * The worker then exits at once, without a graceful stop: nobody is left to wait for it, and its Kafka
 * transactions make an unfinished batch harmless (aborted, then redone by the next run).
 */
import { Worker } from "node:worker_threads";

/** How often a worker checks that its parent is still the process that started it. */
const PARENT_POLL_MS = 500;

/** Runs in its own thread, beside a main event loop that may be blocked: SIGKILLs the worker once re-parented. */
const WATCHDOG = `const { workerData: w } = require("node:worker_threads");
setInterval(() => { if (process.ppid !== w.startedBy) process.kill(w.pid, "SIGKILL"); }, w.pollMs);`;

/** A worker's orderly stop (at most 10 s, see lifecycle.ts) gets this long after SIGTERM before the process exits regardless. */
const SIGTERM_HARD_EXIT_MS = 12_000;

/** process.exit, and if even that fails (an 'exit' listener throws), SIGKILL ourselves. */
export function exitNow(code: number): never {
  try {
    process.exit(code);
  } finally {
    process.kill(process.pid, "SIGKILL");
  }
}

function watchParent(): void {
  // Run by hand (no IPC channel): there is no supervisor to outlive.
  if (!process.send) return;
  const startedBy = process.ppid;
  const gone = () => exitNow(0);
  process.once("disconnect", gone);
  // An orphan is re-parented (to 1, or to a subreaper): any other parent pid means ours is gone.
  const watchdog = new Worker(WATCHDOG, {
    eval: true,
    workerData: { startedBy, pid: process.pid, pollMs: PARENT_POLL_MS },
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
  });
  watchdog.unref();
  // Should the thread itself fail, the main loop keeps watching.
  watchdog.on("error", () => setInterval(() => process.ppid !== startedBy && gone(), PARENT_POLL_MS).unref());
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err: NodeJS.ErrnoException) => (err.code === "EPIPE" ? gone() : undefined));
  }
}

/**
 * SIGTERM always ends the process: before the worker installs its orderly stop, at once (as Node's default
 * would); after, at the latest SIGTERM_HARD_EXIT_MS later, however stuck that stop is.
 */
function hardExitAfterSigterm(): void {
  const onTerm = () => {
    if (process.listenerCount("SIGTERM") <= 1) exitNow(143);
    setTimeout(() => exitNow(143), SIGTERM_HARD_EXIT_MS).unref();
  };
  process.on("SIGTERM", onTerm);
}

watchParent();
hardExitAfterSigterm();
