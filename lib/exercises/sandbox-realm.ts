/**
 * The code that runs first inside a learner's sandbox context (sandbox.ts): the processor API built
 * from the context's own intrinsics, so nothing the learner can reach is an object of the host (whose
 * `Function` constructor would lead out of the sandbox). The host talks to it only with strings: it sets
 * the global `__labArg` to a JSON request, runs `__lab.call(__labArg)` with a timeout, and reads back a
 * JSON answer. After this runs, every intrinsic is frozen (no prototype pollution) and the ones that
 * could allocate memory outside the heap limit (ArrayBuffer, typed arrays, WebAssembly) are gone.
 */
export const REALM_SOURCE = String.raw`(function (limits) {
  "use strict";
  const stringify = JSON.stringify, parse = JSON.parse;
  const state = new Map();
  let dirty = new Map();
  let emits = [];
  let emitChars = 0;
  let logs = [];
  let watermark = limits.beforeInput;
  let defaultTime = 0;
  let processFn = null;
  let watermarkFn = null;

  const checkKey = (key, what) => {
    if (typeof key !== "string") throw new TypeError(what + ": a key is a string, not " + typeof key);
  };
  const json = (value, what) => {
    const text = stringify(value);
    if (text === undefined) throw new TypeError(what + ": the value must be JSON (not undefined or a function)");
    return text;
  };
  const store = Object.freeze({
    get(key) {
      checkKey(key, "ctx.state.get");
      const text = state.get(key);
      return text === undefined ? undefined : parse(text);
    },
    put(key, value) {
      checkKey(key, "ctx.state.put");
      const text = json(value, "ctx.state.put");
      if (text.length > limits.stateValueBytes) throw new RangeError("ctx.state.put: a value of " + text.length + " characters is over the limit of " + limits.stateValueBytes);
      state.set(key, text);
      dirty.set(key, text);
    },
    delete(key) {
      checkKey(key, "ctx.state.delete");
      if (state.delete(key)) dirty.set(key, null);
    },
    keys(prefix) {
      const out = [];
      for (const k of state.keys()) if (prefix === undefined || k.startsWith(prefix)) out.push(k);
      return out.sort();
    },
  });
  const ctx = Object.freeze({
    state: store,
    emit(key, value, eventTime) {
      if (key !== null) checkKey(key, "ctx.emit");
      const t = eventTime === undefined ? defaultTime : eventTime;
      if (typeof t !== "number" || !Number.isFinite(t)) throw new TypeError("ctx.emit: eventTime must be a finite number of ms");
      // A long string is refused before it is serialized: that alone could take longer than the call may.
      if (typeof value === "string" && value.length > limits.emitBytes) throw new RangeError("ctx.emit: a value of " + value.length + " characters is over the limit of " + limits.emitBytes);
      const valueText = json(value, "ctx.emit");
      if (valueText.length > limits.emitBytes) throw new RangeError("ctx.emit: a value of " + valueText.length + " characters is over the limit of " + limits.emitBytes);
      const text = '{"key":' + stringify(key) + ',"value":' + valueText + ',"eventTime":' + Math.round(t) + "}";
      if (text.length > limits.emitBytes) throw new RangeError("ctx.emit: a record of " + text.length + " characters is over the limit of " + limits.emitBytes);
      emitChars += text.length;
      if (emitChars > limits.batchEmitBytes) throw new RangeError("ctx.emit: this batch emitted more than " + limits.batchEmitBytes + " characters");
      emits.push(text);
    },
    get watermark() {
      return watermark;
    },
  });
  const console = Object.freeze({
    log(...args) {
      if (logs.length < 20) logs.push(args.map((a) => (typeof a === "string" ? a : stringify(a))).join(" ").slice(0, 500));
    },
  });
  const require = (name) => {
    throw new Error("require(" + stringify(String(name)) + ") is not available: a processor gets its records and state only through process(record, ctx)");
  };

  const ops = {
    install(fn) {
      const module = { exports: {} };
      fn(module, module.exports, require, console);
      const e = module.exports;
      if (typeof e.process !== "function") throw new TypeError("the processor must export a function process(record, ctx)");
      if (e.onWatermark !== undefined && typeof e.onWatermark !== "function") throw new TypeError("onWatermark must be a function (watermark, ctx)");
      processFn = e.process;
      watermarkFn = e.onWatermark || null;
    },
    restore(req) {
      for (const [k, v] of req.entries) state.set(k, v);
      watermark = req.watermark;
    },
    process(req) {
      watermark = req.watermark;
      defaultTime = req.record.eventTime;
      processFn(Object.freeze(req.record), ctx);
    },
    watermark(req) {
      watermark = req.watermark;
      defaultTime = req.eventTime;
      if (watermarkFn) watermarkFn(req.watermark, ctx);
    },
    emits() {
      const out = emits;
      emits = [];
      return out;
    },
    endBatch() {
      const out = { changes: [...dirty], logs: logs };
      emitChars = 0;
      dirty = new Map();
      logs = [];
      return out;
    },
  };
  let pendingInstall = null;
  const api = Object.freeze({
    /** The learner's module, wrapped in a function by the host, hands itself over here. */
    define(fn) {
      pendingInstall = fn;
    },
    call(arg) {
      try {
        const req = parse(arg);
        if (req.op === "install") ops.install(pendingInstall);
        const result = req.op === "install" ? null : ops[req.op](req);
        return stringify({ ok: true, result: result });
      } catch (e) {
        let message, stack, name;
        try {
          name = e instanceof Error ? e.name : "Error";
          message = e instanceof Error ? String(e.message) : "threw " + String(e);
          stack = e instanceof Error ? String(e.stack) : "";
        } catch {
          name = "Error";
          message = "threw something that cannot be shown";
          stack = "";
        }
        return stringify({ ok: false, error: { name: name, message: message, stack: stack } });
      }
    },
  });
  Object.defineProperty(globalThis, "__lab", { value: api, writable: false, configurable: false, enumerable: false });
  for (const name of ["ArrayBuffer", "SharedArrayBuffer", "Atomics", "WebAssembly", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray",
    "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "FinalizationRegistry", "WeakRef"]) {
    delete globalThis[name];
  }
  const frozen = new Set();
  const freeze = (v) => {
    if (v === null || (typeof v !== "object" && typeof v !== "function") || frozen.has(v)) return;
    frozen.add(v);
    Object.freeze(v);
    for (const key of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key);
      if (d && "value" in d) freeze(d.value);
    }
    freeze(Object.getPrototypeOf(v));
  };
  for (const name of Reflect.ownKeys(globalThis)) {
    if (name === "__lab" || name === "globalThis") continue;
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    if (d && "value" in d) freeze(d.value);
  }
  freeze(Object.getPrototypeOf(function* () {}));
  freeze(Object.getPrototypeOf(async function () {}));
  freeze(Object.getPrototypeOf([][Symbol.iterator]()));
})`;
