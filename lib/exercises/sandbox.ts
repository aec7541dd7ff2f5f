import v8 from "node:v8";
import vm from "node:vm";
import type { CodeError, InputRecordView, OutputRecordView } from "@/lib/contract/exercises";
import { BEFORE_INPUT, SANDBOX_LIMITS } from "./api";
import { PROCESSOR_FILE, positionInSource, type CompiledProcessor } from "./compile";
import { REALM_SOURCE } from "./sandbox-realm";

export type SandboxLimits = Record<"callMs" | "batchMs" | "emitBytes" | "batchEmitBytes" | "stateValueBytes", number>;

/** What a batch of calls left: the state's changes (null: deleted) and the learner's log lines. */
export interface BatchChanges {
  changes: [string, string | null][];
  logs: string[];
}

/** The learner's code failed: the message (and line) the editor shows. */
export class LearnerError extends Error {
  constructor(readonly codeError: CodeError) {
    super(codeError.line ? `${codeError.message} (line ${codeError.line})` : codeError.message);
  }
}

export interface Sandbox {
  /** Put back a checkpointed state (the changelog's last values) and watermark, before any call. */
  restore(entries: [string, string][], watermark: number): void;
  process(record: InputRecordView, watermark: number): void;
  advance(watermark: number, eventTime: number): void;
  /** The records emitted since the last time this was asked. */
  takeEmits(): OutputRecordView[];
  /** The state's changes since the last batch; also starts a new batch for the CPU and output limits. */
  endBatch(): BatchChanges;
}

/** Share of the heap limit past which a processor counts as out of memory. */
const HEAP_NEARLY_FULL = 0.75;
/** Share past which a call stopped for its CPU time counts as out of memory rather than an endless loop. */
const HEAP_FILLING = 0.5;

type Answer = { ok: true; result: unknown } | { ok: false; error: { name: string; message: string; stack: string } };

/**
 * A learner's processor in a fresh V8 context of its own: no require, import, process, timers,
 * filesystem or network; eval and new Function refused; intrinsics frozen; each call bounded in CPU
 * time (and a batch's calls together), each emit and a batch's emits bounded in size. Memory is
 * bounded by the worker process's heap limit. Every failure is a LearnerError with the line it was at.
 */
export function createSandbox(compiled: CompiledProcessor, limits: SandboxLimits = SANDBOX_LIMITS): Sandbox {
  const context = vm.createContext(Object.create(null) as object, {
    name: "learner processor",
    codeGeneration: { strings: false, wasm: false },
    // Promise jobs run inside the call, under its timeout, not after it.
    microtaskMode: "afterEvaluate",
  }) as { __labArg?: string };
  const realm = new vm.Script(`${REALM_SOURCE}(${JSON.stringify({ ...limits, beforeInput: BEFORE_INPUT })})`, { filename: "lab-runtime.js" });
  realm.runInContext(context, { timeout: 1000 });
  const callScript = new vm.Script("__lab.call(__labArg)", { filename: "lab-runtime.js" });
  let batchMs = 0;

  const fail = (message: string, stack = ""): never => {
    const at = positionInSource(stack, compiled.map);
    throw new LearnerError({ message, ...(at ?? {}) });
  };

  /**
   * A processor that keeps allocating is stopped before V8 ends the whole worker: a call that leaves the
   * heap nearly full (or was stopped while filling it) is reported as running out of memory.
   */
  const checkMemory = (share: number, what: string) => {
    const heap = v8.getHeapStatistics();
    if (heap.used_heap_size > share * heap.heap_size_limit) {
      const mb = (n: number) => Math.round(n / 2 ** 20);
      fail(`out of memory: ${what} with ${mb(heap.used_heap_size)} of the worker's ${mb(heap.heap_size_limit)} MB heap in use`);
    }
  };

  const call = (request: object, what: string): unknown => {
    context.__labArg = JSON.stringify(request);
    const started = performance.now();
    let raw: unknown;
    try {
      raw = callScript.runInContext(context, { timeout: limits.callMs });
    } catch (err) {
      const timedOut = (err as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
      // Collecting garbage in a nearly full heap is what makes such a call slow: say what it is.
      if (timedOut) checkMemory(HEAP_FILLING, `${what} was stopped after ${limits.callMs} ms`);
      if (timedOut) fail(`${what} ran longer than ${limits.callMs} ms and was stopped (an endless loop?)`);
      fail(`${what} failed: ${(err as Error).message}`);
    } finally {
      batchMs += performance.now() - started;
    }
    checkMemory(HEAP_NEARLY_FULL, `${what} kept allocating`);
    if (batchMs > limits.batchMs) {
      checkMemory(HEAP_FILLING, `a batch of records was stopped after ${limits.batchMs} ms`);
      fail(`the processor took more than ${limits.batchMs} ms for one batch of records`);
    }
    const answer = JSON.parse(String(raw)) as Answer;
    if (!answer.ok) fail(`${answer.error.name}: ${answer.error.message}`, answer.error.stack);
    return (answer as { result: unknown }).result;
  };

  // The learner's module: wrapped in a function the realm calls with module, exports, require and console.
  // lineOffset -1 puts the compiled code's first line at line 1 of processor.js, as the source map expects.
  const wrapped = `__lab.define(function (module, exports, require, console) {"use strict";\n${compiled.js}\n})`;
  let moduleScript: vm.Script;
  try {
    moduleScript = new vm.Script(wrapped, { filename: PROCESSOR_FILE, lineOffset: -1 });
  } catch (err) {
    fail(`SyntaxError: ${(err as Error).message}`, (err as Error).stack ?? "");
  }
  try {
    moduleScript!.runInContext(context, { timeout: limits.callMs });
  } catch (err) {
    fail(`loading the processor failed: ${(err as Error).message}`, (err as Error).stack ?? "");
  }
  call({ op: "install" }, "loading the processor");
  batchMs = 0;

  return {
    restore: (entries, watermark) => void call({ op: "restore", entries, watermark }, "restoring the state"),
    process: (record, watermark) => void call({ op: "process", record, watermark }, "process()"),
    advance: (watermark, eventTime) => void call({ op: "watermark", watermark, eventTime }, "onWatermark()"),
    takeEmits: () => (call({ op: "emits" }, "collecting the outputs") as string[]).map((e) => JSON.parse(e) as OutputRecordView),
    endBatch() {
      const out = call({ op: "endBatch" }, "collecting the state") as BatchChanges;
      batchMs = 0;
      return out;
    },
  };
}
