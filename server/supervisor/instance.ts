import type { ComponentMetrics, ComponentName, ComponentStatus, InstanceView, LogLine } from "@/lib/contract/api";
import type { SupervisorMessage, WorkerMessage } from "@/lib/contract/ipc";
import { HEALTHY_AFTER_MS, describeExit, restartDelayMs } from "./backoff";
import { stopWorker, type WorkerLaunch, type WorkerProcess, type WorkerProcessEvents } from "./spawn";

export interface InstanceDeps {
  name: ComponentName;
  index: number;
  clock: () => number;
  spawn: (launch: WorkerLaunch, events: WorkerProcessEvents) => WorkerProcess;
  launch: () => Omit<WorkerLaunch, "instance">;
  onChange: () => void;
  onLog: (line: LogLine) => void;
  lastLog: () => LogLine | undefined;
}

/** One process of a component: started, watched, restarted with backoff after a crash, stopped. */
export function createInstance(deps: InstanceDeps) {
  const { clock } = deps;
  let status: ComponentStatus = "stopped";
  let proc: WorkerProcess | null = null;
  let wantRunning = false;
  let restarts = 0;
  let crashStreak = 0;
  let startedAt = 0;
  let reason: string | null = null;
  let metrics: ComponentMetrics | null = null;
  let restartTimer: NodeJS.Timeout | null = null;

  const setStatus = (next: ComponentStatus, why: string | null = null) => {
    status = next;
    reason = why;
    deps.onChange();
  };

  const onMessage = (msg: WorkerMessage) => {
    if (msg.type === "ready" && status === "starting") setStatus("running");
    else if (msg.type === "metrics") {
      metrics = msg.metrics;
      deps.onChange();
    } else if (msg.type === "fatal") deps.onLog({ at: clock(), level: "fatal", msg: msg.error });
  };

  const onExit = (code: number | null, signal: string | null) => {
    proc = null;
    // Keep the totals a learner may want to see, but nothing flows through a process that is gone, and it owns no partition
    // (its restart reports its own assignment once it has joined the group).
    if (metrics)
      metrics = {
        ...metrics,
        recordsInPerSec: 0,
        recordsOutPerSec: 0,
        assigned: [],
        generation: null,
        join: metrics.join && { ...metrics.join, matchesPerSec: 0 },
      };
    if (!wantRunning) return setStatus("stopped");
    crashStreak = clock() - startedAt > HEALTHY_AFTER_MS ? 0 : crashStreak;
    const last = deps.lastLog();
    setStatus("crashed", `${describeExit(code, signal)}${last ? `; last log: ${last.msg}` : ""}`);
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (!wantRunning) return;
      restarts++;
      launch();
    }, restartDelayMs(crashStreak++));
  };

  const launch = () => {
    setStatus("starting");
    startedAt = clock();
    proc = deps.spawn({ ...deps.launch(), instance: deps.index }, { onMessage, onLog: deps.onLog, onExit });
  };

  return {
    index: deps.index,
    status: () => status,
    wantsToRun: () => wantRunning,
    pid: () => proc?.child.pid ?? null,
    start() {
      if (wantRunning && status !== "stopping") return;
      wantRunning = true;
      crashStreak = 0;
      if (!proc) launch();
    },
    /** Stop gracefully; after `graceMs` (the default: stopWorker's) the process is killed. */
    async stop(graceMs?: number) {
      wantRunning = false;
      if (restartTimer) clearTimeout(restartTimer);
      restartTimer = null;
      if (!proc) {
        if (status !== "stopped") setStatus("stopped");
        return;
      }
      if (status !== "stopping") setStatus("stopping");
      await stopWorker(proc, graceMs);
    },
    /** For the chaos experiment: the process dies at once and, if wanted, the restart logic takes over. */
    kill(signal: NodeJS.Signals = "SIGKILL"): boolean {
      return proc?.child.kill(signal) ?? false;
    },
    send: (msg: SupervisorMessage) => proc?.send(msg),
    metrics: () => metrics,
    view: (): InstanceView => ({ index: deps.index, status, pid: proc?.child.pid ?? null, restarts, reason, metrics }),
  };
}
export type Instance = ReturnType<typeof createInstance>;
