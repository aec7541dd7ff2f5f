import { RequestError } from "@/lib/errors";
import { delay } from "@/lib/retry";
import { COMPONENT_NAMES, componentKind, type ComponentName, type ComponentView, type DeliveryMode, type LogLine, type Settings } from "@/lib/contract/api";
import { aggregateStatus, mergeMetrics } from "./aggregate";
import { createInstance, type Instance } from "./instance";
import { LogBuffer } from "./log-buffer";
import { spawnWorker, type WorkerLaunch, type WorkerProcess, type WorkerProcessEvents } from "./spawn";
import type { WorkerScripts } from "./worker-scripts";

export interface SupervisorDeps {
  scripts: WorkerScripts;
  /** Niceness of every process it starts. */
  nice?: number;
  brokers: () => string;
  settings: () => Settings;
  topicPrefix?: string;
  logLevel?: string;
  clock?: () => number;
  spawn?: (launch: WorkerLaunch, events: WorkerProcessEvents) => WorkerProcess;
  /** Called before any component starts: e.g. make sure the topics exist. */
  beforeStart?: () => Promise<void>;
}

interface Component {
  name: ComponentName;
  desired: number;
  instances: Instance[];
  logs: LogBuffer;
}

type ChangeListener = (name: ComponentName) => void;
type LogListener = (name: ComponentName, line: LogLine) => void;

/** A start, stop, scale or kill the supervisor refuses (unknown instance, wrong moment). */
export class SupervisorError extends RequestError {
  declare readonly status: 400 | 404 | 409;
}

/** Starts, watches, restarts and stops every producer and worker process, one or more per component. */
export function createSupervisor(deps: SupervisorDeps) {
  const clock = deps.clock ?? Date.now;
  const spawn = deps.spawn ?? spawnWorker;
  const changeListeners = new Set<ChangeListener>();
  const logListeners = new Set<LogListener>();
  const components = new Map<ComponentName, Component>(COMPONENT_NAMES.map((name) => [name, { name, desired: 1, instances: [], logs: new LogBuffer() }]));
  const comp = (name: ComponentName) => components.get(name)!;
  // The transform's delivery mode, for the delivery experiment: in memory only, so a lab restart is exactly-once again.
  let deliveryMode: DeliveryMode = "exactly-once";

  const instanceOf = (c: Component, index: number): Instance => {
    let inst = c.instances[index];
    if (inst) return inst;
    inst = createInstance({
      name: c.name,
      index,
      clock,
      spawn,
      launch: () => ({
        scripts: deps.scripts,
        nice: deps.nice,
        name: c.name,
        brokers: deps.brokers(),
        settings: deps.settings(),
        topicPrefix: deps.topicPrefix,
        logLevel: deps.logLevel,
        ...(c.name === "strategy" && deliveryMode !== "exactly-once" ? { deliveryMode } : {}),
      }),
      onChange: () => changeListeners.forEach((l) => l(c.name)),
      onLog: (line) => {
        const tagged = c.desired > 1 || index > 0 ? { ...line, msg: `#${index} ${line.msg}` } : line;
        const stored = c.logs.push(tagged);
        logListeners.forEach((l) => l(c.name, stored));
      },
      lastLog: () => c.logs.last(),
    });
    c.instances[index] = inst;
    return inst;
  };

  const running = (c: Component) => c.instances.some((i) => i.wantsToRun());

  const start = async (name: ComponentName) => {
    const c = comp(name);
    if (!running(c)) await deps.beforeStart?.();
    for (let i = 0; i < c.desired; i++) instanceOf(c, i).start();
  };

  const stop = async (name: ComponentName, graceMs?: number) => {
    await Promise.all(comp(name).instances.map((i) => i.stop(graceMs)));
  };

  /**
   * Scale a worker out or in; a running one starts or stops processes to match (a rebalance follows).
   * `count` is checked by its callers' schemas (SetInstances, the run state): 1 to MAX_INSTANCES (lib/contract).
   */
  const setInstances = async (name: ComponentName, count: number) => {
    if (componentKind(name) === "producer" && count !== 1)
      throw new SupervisorError(400, `${name} is a producer: it runs exactly one process (raise ratePerSecond instead)`);
    const c = comp(name);
    c.desired = count;
    if (running(c)) {
      for (let i = 0; i < count; i++) instanceOf(c, i).start();
      await Promise.all(c.instances.slice(count).map((i) => i.stop()));
    }
    changeListeners.forEach((l) => l(name));
  };

  /** The chaos experiment: SIGKILL one running instance; the supervisor restarts it as after any crash. */
  const kill = (name: ComponentName, index = 0) => {
    const inst = comp(name).instances[index];
    if (!inst || inst.pid() === null) throw new SupervisorError(409, `${name} #${index} is not running: start it first`);
    inst.kill("SIGKILL");
  };

  /**
   * The delivery experiment: run the transform in this mode from now on. A running transform is
   * stopped (it commits what it has) and started again in the new mode; a stopped one starts in it later.
   */
  const setDeliveryMode = async (mode: DeliveryMode) => {
    const c = comp("strategy");
    const restart = running(c) && mode !== deliveryMode;
    deliveryMode = mode;
    if (restart) {
      await stop("strategy");
      await start("strategy");
    }
    changeListeners.forEach((l) => l("strategy"));
  };

  const byKind = (kind: "producer" | "worker") => COMPONENT_NAMES.filter((n) => componentKind(n) === kind);

  /** Wait until running workers have consumed nothing new for `quietMs` (or `maxMs` passed). */
  async function drain(names: ComponentName[], quietMs = 2500, maxMs = 20_000) {
    const insts = () => names.flatMap((n) => comp(n).instances).filter((i) => i.status() === "running");
    const total = () => insts().reduce((n, i) => n + (i.metrics()?.recordsInTotal ?? 0), 0);
    const started = clock();
    let last = total();
    let quietSince = clock();
    while (insts().length > 0 && clock() - started < maxMs && clock() - quietSince < quietMs) {
      await delay(100);
      if (total() !== last) {
        last = total();
        quietSince = clock();
      }
    }
  }

  const view = (): ComponentView[] =>
    COMPONENT_NAMES.map((name) => {
      const c = comp(name);
      const instances = c.instances.map((i) => i.view());
      const shown = instances.filter((i) => i.index < c.desired || i.status !== "stopped");
      return {
        name,
        kind: componentKind(name),
        status: aggregateStatus(shown.map((i) => i.status)),
        pid: instances[0]?.pid ?? null,
        restarts: instances.reduce((n, i) => n + i.restarts, 0),
        reason: instances.find((i) => i.status === "crashed")?.reason ?? null,
        metrics: mergeMetrics(shown.map((i) => i.metrics)),
        desiredInstances: c.desired,
        instances: shown,
        ...(name === "strategy" ? { deliveryMode } : {}),
      };
    });

  return {
    start,
    stop: (name: ComponentName) => stop(name),
    setInstances,
    kill,
    setDeliveryMode,
    deliveryMode: () => deliveryMode,
    async startAll() {
      await deps.beforeStart?.();
      await Promise.all([...byKind("worker"), ...byKind("producer")].map(start));
    },
    /** Producers first; then workers drain and commit everything that was produced before they stop. */
    async stopAll() {
      await Promise.all(byKind("producer").map(stop));
      await drain(byKind("worker"));
      await Promise.all(byKind("worker").map(stop));
    },
    /**
     * Everything stops at once, producers first, without waiting for workers to drain, and a process
     * still busy after `graceMs` is killed (Reset lab: what it was doing is deleted anyway).
     */
    async stopNow(graceMs = 3000) {
      await Promise.all(byKind("producer").map((n) => stop(n, graceMs)));
      await Promise.all(byKind("worker").map((n) => stop(n, graceMs)));
    },
    /** Every component back to one process, as at a clean start. Call while stopped. */
    resetInstances() {
      for (const c of components.values()) c.desired = 1;
      changeListeners.forEach((l) => COMPONENT_NAMES.forEach((n) => l(n)));
    },
    view,
    /** The components meant to run (whatever their processes are doing right now), with their instance counts. */
    wanted: () => COMPONENT_NAMES.filter((n) => running(comp(n))).map((name) => ({ name, instances: comp(name).desired })),
    logs: (name: ComponentName, n?: number) => comp(name).logs.recent(n),
    pidOf: (name: ComponentName, index = 0) => comp(name).instances[index]?.pid() ?? null,
    /** Push settings to running processes that apply them live (producers). */
    broadcastSettings(settings: Settings) {
      for (const c of components.values()) for (const i of c.instances) i.send({ type: "settings", settings });
    },
    onChange(l: ChangeListener) {
      changeListeners.add(l);
      return () => changeListeners.delete(l);
    },
    onLog(l: LogListener) {
      logListeners.add(l);
      return () => logListeners.delete(l);
    },
  };
}

export type Supervisor = ReturnType<typeof createSupervisor>;
