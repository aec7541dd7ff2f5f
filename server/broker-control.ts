import { RequestError } from "@/lib/errors";
import type { BrokerProcess } from "@/lib/contract/api";
import { startEmbeddedBroker, type EmbeddedBroker, type EmbeddedBrokerOptions } from "./broker";
import { createRestartPolicy } from "./broker/restart-policy";
import { describeExit } from "./supervisor/backoff";

/** Stopping or starting a broker the lab does not run, or at the wrong moment. */
export class BrokerControlError extends RequestError {
  constructor(message: string) {
    super(409, message);
  }
}

export interface BrokerControlDeps {
  /** null with an external cluster: there is nothing here to control. */
  options: EmbeddedBrokerOptions | null;
  initial: EmbeddedBroker | null;
  start?: (options: EmbeddedBrokerOptions) => Promise<EmbeddedBroker>;
  clock?: () => number;
  /** One line for the terminal. */
  say?: (line: string) => void;
}

type Listener = (p: BrokerProcess) => void;

/**
 * Owns the embedded broker while the lab runs: stop and start it on request (the broker-restart experiment),
 * and watch it. A JVM that exits without being asked to is reported at once as crashed, with the reason, and
 * started again with backoff (restart-policy.ts) until it runs or someone stops it.
 */
export function createBrokerControl(deps: BrokerControlDeps) {
  const { options } = deps;
  const clock = deps.clock ?? Date.now;
  const start = deps.start ?? startEmbeddedBroker;
  const say = deps.say ?? (() => {});
  const policy = createRestartPolicy({ clock });
  const listeners = new Set<Listener>();
  let broker = deps.initial;
  let state: BrokerProcess = { status: broker ? "running" : "stopped", pid: broker?.pid ?? null, reason: null, crashes: 0, restartAt: null };
  let restartTimer: NodeJS.Timeout | null = null;
  let closed = false;
  // One action at a time, in the order asked: a stop asked during a start runs once the start is done.
  let queue: Promise<unknown> = Promise.resolve();

  const set = (patch: Partial<BrokerProcess>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l(state);
  };
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const cancelRestart = () => {
    if (restartTimer) clearTimeout(restartTimer);
    restartTimer = null;
  };

  const crashed = (reason: string, crash: boolean) => {
    if (closed) return set({ status: "crashed", pid: null, reason, restartAt: null });
    const delay = policy.nextDelayMs();
    set({ status: "crashed", pid: null, reason, crashes: state.crashes + (crash ? 1 : 0), restartAt: clock() + delay });
    say(crash ? `[kafka] ✗ the broker crashed (${reason}); starting it again in ${delay / 1000} s` : `[kafka] ✗ ${reason}; trying again in ${delay / 1000} s`);
    cancelRestart();
    restartTimer = setTimeout(() => {
      restartTimer = null;
      void serially(() => launch(true)).catch(() => undefined);
    }, delay);
  };

  const watch = (b: EmbeddedBroker) => {
    void b.exited.then((exit) => {
      // Our own stop clears `broker` before it signals the JVM: only an exit nobody asked for is a crash.
      if (broker !== b) return;
      broker = null;
      crashed(`JVM pid ${b.pid} ${describeExit(exit.code, exit.signal)}`, true);
    });
  };

  /** Starts the broker unless it runs; after a crash a failed start schedules the next try. */
  const launch = async (afterCrash: boolean) => {
    if (broker || closed) return;
    set({ status: "starting", restartAt: null });
    try {
      const b = await start(options!);
      if (closed) return void (await b.stop());
      broker = b;
      policy.up();
      set({ status: "running", pid: b.pid, reason: null });
      if (afterCrash) say(`[kafka] ✓ broker running again (pid ${b.pid})`);
      watch(b);
    } catch (err) {
      const reason = `the broker could not start: ${(err as Error).message.split("\n")[0]}`;
      if (afterCrash) crashed(reason, false);
      else set({ status: "stopped", reason });
      throw err;
    }
  };

  if (broker) watch(broker);
  const external = () => Promise.reject(new BrokerControlError("the broker is external (KAFKA_BROKERS is set): stop and start it where it runs"));

  return {
    embedded: options !== null,
    running: () => broker !== null,
    current: () => broker,
    state: (): BrokerProcess | null => (options ? state : null),
    onChange(l: Listener) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    /** Stops the broker, and any restart planned after a crash: stopped by hand, it stays stopped. */
    stop: () =>
      options
        ? serially(async () => {
            cancelRestart();
            policy.reset();
            const b = broker;
            broker = null;
            if (b) {
              set({ status: "stopping" });
              await b.stop();
            }
            set({ status: "stopped", pid: null, reason: null, restartAt: null });
          })
        : external(),
    /**
     * SIGKILLs the JVM, as a crash would, but asked for: it is not started again by itself (the learner
     * breaks a node on purpose and starts it when they choose). Resolves once the JVM is gone.
     */
    kill: () =>
      options
        ? serially(async () => {
            cancelRestart();
            policy.reset();
            const b = broker;
            broker = null;
            if (b) {
              const exit = await b.kill();
              set({ status: "stopped", pid: null, reason: `JVM pid ${b.pid} ${describeExit(exit.code, exit.signal)}`, restartAt: null });
            }
          })
        : external(),
    /** Starts it now, also after a crash (the dead handle is gone by then) or while a restart is planned. */
    start: () =>
      options
        ? serially(async () => {
            cancelRestart();
            policy.reset();
            await launch(false);
          })
        : external(),
    /** The app is shutting down: no more restarts, and the broker stops. */
    close: async () => {
      closed = true;
      cancelRestart();
      await queue;
      const b = broker;
      broker = null;
      await b?.stop();
    },
  };
}
export type BrokerControl = ReturnType<typeof createBrokerControl>;
