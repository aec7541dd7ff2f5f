import { SourceMap } from "node:module";
import { transformSync } from "esbuild";
import type { CodeError } from "@/lib/contract/exercises";

/** A learner's processor compiled to a CommonJS function body, with the map back to their lines. */
export interface CompiledProcessor {
  js: string;
  /** The source map (JSON) from `js` to the submitted code. */
  map: string;
}

export type CompileResult = { ok: true; compiled: CompiledProcessor } | { ok: false; error: CodeError };

/**
 * TypeScript (or plain JavaScript) → CommonJS with a source map, so an error can be shown at the
 * learner's line. Only compiles: the code runs in the sandbox of the exercise worker, never here.
 */
export function compileProcessor(source: string): CompileResult {
  try {
    const out = transformSync(source, { loader: "ts", format: "cjs", target: "es2022", sourcemap: "external", sourcefile: "processor.ts", logLevel: "silent" });
    return { ok: true, compiled: { js: out.code, map: out.map } };
  } catch (err) {
    const first = (err as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors?.[0];
    if (!first) return { ok: false, error: { message: `could not compile: ${(err as Error).message}` } };
    const loc = first.location;
    return { ok: false, error: { message: first.text, ...(loc ? { line: loc.line, column: loc.column + 1 } : {}) } };
  }
}

/** The file name the compiled processor runs under, as it appears in stack traces. */
export const PROCESSOR_FILE = "processor.js";

/**
 * Where in the submitted code a stack trace points: its first frame in the processor, mapped back
 * through the source map. Frames of the runtime itself are skipped; none left gives no position.
 */
export function positionInSource(stack: string, map: string): { line: number; column: number } | null {
  const frame = new RegExp(`${PROCESSOR_FILE.replace(".", "\\.")}:(\\d+):(\\d+)`).exec(stack);
  if (!frame) return null;
  const line = Number(frame[1]);
  const column = Number(frame[2]);
  try {
    const entry = new SourceMap(JSON.parse(map) as ConstructorParameters<typeof SourceMap>[0]).findEntry(line - 1, column - 1) as {
      originalLine?: number;
      originalColumn?: number;
    };
    if (entry.originalLine === undefined) return { line, column };
    return { line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
  } catch {
    return { line, column };
  }
}
