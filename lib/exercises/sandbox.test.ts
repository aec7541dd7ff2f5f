import { describe, expect, it } from "vitest";
import { compileProcessor } from "./compile";
import { createSandbox, LearnerError, type Sandbox } from "./sandbox";

const rec = (key: string, value: unknown, eventTime = 1000, offset = "0") => ({ key, value, eventTime, partition: 0, offset });

function load(code: string): Sandbox {
  const c = compileProcessor(code);
  if (!c.ok) throw new LearnerError(c.error);
  return createSandbox(c.compiled);
}

/** The LearnerError a processor's first record gives (loading included). */
function errorOf(code: string): LearnerError {
  try {
    const s = load(code);
    s.process(rec("k", { n: 1 }), 0);
    s.takeEmits();
    s.endBatch();
  } catch (err) {
    if (err instanceof LearnerError) return err;
    throw err;
  }
  throw new Error("no error");
}

describe("the processor sandbox", () => {
  it("runs a TypeScript processor: emits, keeps state, sees the watermark", () => {
    const s = load(`
      type V = { n: number };
      export function process(r: { key: string; value: V }, ctx: any) {
        const seen = (ctx.state.get(r.key) as number | undefined) ?? 0;
        ctx.state.put(r.key, seen + r.value.n);
        ctx.emit(r.key, { total: seen + r.value.n, wm: ctx.watermark });
      }
      export function onWatermark(wm: number, ctx: any) { ctx.emit(null, { keys: ctx.state.keys() }); }`);
    s.process(rec("a", { n: 2 }), 5);
    s.process(rec("a", { n: 3 }), 6);
    s.advance(7, 1000);
    expect(s.takeEmits()).toEqual([
      { key: "a", value: { total: 2, wm: 5 }, eventTime: 1000 },
      { key: "a", value: { total: 5, wm: 6 }, eventTime: 1000 },
      { key: null, value: { keys: ["a"] }, eventTime: 1000 },
    ]);
    expect(s.endBatch().changes).toEqual([["a", "5"]]);
  });

  it("restores a checkpointed state", () => {
    const s = load(`export function process(r, ctx) { ctx.emit(r.key, ctx.state.get("x")); }`);
    s.restore([["x", "41"]], 0);
    s.process(rec("a", 1), 0);
    expect(s.takeEmits()[0]!.value).toBe(41);
  });

  it("shows a compile error at its line", () => {
    const c = compileProcessor("export function process(r, ctx) {\n  const x = ;\n}");
    expect(c.ok).toBe(false);
    expect(!c.ok && c.error.line).toBe(2);
  });

  it.each([
    ["a throw", `export function process(r, ctx) {\n  const t: number = 1;\n  throw new Error("boom " + t);\n}`, /boom 1/, 3],
    ["an endless loop", `export function process(r, ctx) {\n  while (true) {}\n}`, /longer than 1000 ms/, undefined],
    ["a 2 GB string", `export function process(r, ctx) {\n  const a = "x".repeat(2 * 1024 ** 3);\n}`, /Invalid string length/, 2],
    ["a 2 GB buffer", `export function process(r, ctx) {\n  const b = new ArrayBuffer(2 * 1024 ** 3);\n}`, /ArrayBuffer is not defined/, 2],
    ["process.exit", `export function process(r, ctx) {\n  (globalThis as any).process.exit(1);\n}`, /TypeError/, 2],
    [
      "globalThis.process",
      `export function process(r, ctx) {\n  ctx.emit("k", typeof (globalThis as any).process);\n  if (typeof (globalThis as any).process === "undefined") throw new Error("no process here");\n}`,
      /no process here/,
      3,
    ],
    ['require("fs")', `export function process(r, ctx) {\n  const fs = require("fs");\n}`, /require\("fs"\) is not available/, 2],
    [
      "an import",
      `import { readFileSync } from "fs";\nexport function process(r, ctx) {\n  readFileSync("/etc/passwd");\n}`,
      /require\("fs"\) is not available/,
      undefined,
    ],
    [
      "prototype pollution",
      `export function process(r, ctx) {\n  (Object.prototype as any).polluted = true;\n}`,
      /not extensible|read.only|Cannot add property/,
      2,
    ],
    ["eval", `export function process(r, ctx) {\n  eval("1 + 1");\n}`, /Code generation from strings disallowed/, 2],
    ["new Function", `export function process(r, ctx) {\n  const f = ctx.emit.constructor("return 1");\n}`, /Code generation from strings disallowed/, 2],
    ["a 10 MB emit", `export function process(r, ctx) {\n  ctx.emit("k", "x".repeat(10 * 1024 * 1024));\n}`, /over the limit/, 2],
    ["a timer", `export function process(r, ctx) {\n  setTimeout(() => 1, 10);\n}`, /setTimeout is not defined/, 2],
    ["no process function", `export const x = 1;`, /must export a function process/, undefined],
  ])("stops %s with a clear error", (_, code, message, line) => {
    const err = errorOf(code);
    expect(err.codeError.message).toMatch(message);
    if (line !== undefined) expect(err.codeError.line).toBe(line);
  });

  it("gives the learner no object of the host: the constructor of its API leads nowhere", () => {
    const s = load(
      `export function process(r, ctx) {\n  ctx.emit("k", [ctx.emit.constructor === Function, Object.getPrototypeOf(r) === Object.prototype]);\n}`,
    );
    s.process(rec("k", 1), 0);
    expect(s.takeEmits()[0]!.value).toEqual([true, true]);
  });

  it("bounds a batch's CPU time across calls", () => {
    const c = compileProcessor(`export function process(r, ctx) { const t = Date.now(); while (Date.now() - t < 30) {} }`);
    if (!c.ok) throw new Error(c.error.message);
    const s = createSandbox(c.compiled, {
      callMs: 1000,
      batchMs: 100,
      emitBytes: 1000,
      batchEmitBytes: 10_000,
      stateValueBytes: 1000,
    });
    expect(() => [1, 2, 3, 4, 5].forEach((i) => s.process(rec("k", i), 0))).toThrow(/more than 100 ms for one batch/);
  });
});
