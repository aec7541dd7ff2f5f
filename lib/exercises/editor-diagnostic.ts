/** Where the runtime says learner code failed: 1-based line and column, as the editor numbers them. */
export interface CodeErrorAt {
  message: string;
  line?: number;
  column?: number;
}

/** A lint mark over a range of the editor's text (the shape @codemirror/lint draws). */
export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: "error";
  message: string;
}

/** The start offset of each line of `code`. */
function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === "\n") starts.push(i + 1);
  return starts;
}

/**
 * The error's line (and column, when known) as a range of the editor's current text, or null when the error
 * names no line. A line past the end (the learner deleted lines since Run) marks the last line; a column marks
 * from there to the end of its word, else the line from its first non-blank character, so the mark is visible.
 */
export function diagnosticAt(code: string, error: CodeErrorAt): EditorDiagnostic | null {
  if (error.line === undefined || !Number.isFinite(error.line)) return null;
  const starts = lineStarts(code);
  const index = Math.min(Math.max(Math.trunc(error.line), 1), starts.length) - 1;
  const start = starts[index]!;
  const end = index + 1 < starts.length ? starts[index + 1]! - 1 : code.length;
  const text = code.slice(start, end);
  let from = start + (text.length - text.trimStart().length);
  let to = start + text.trimEnd().length;
  if (error.column !== undefined && Number.isFinite(error.column)) {
    const col = Math.min(Math.max(Math.trunc(error.column), 1) - 1, text.length);
    const word = /^[\w$]+/.exec(text.slice(col));
    from = start + col;
    to = Math.max(from + (word ? word[0].length : 1), from);
    to = Math.min(to, end);
  }
  if (to < from) to = from;
  return { from, to, severity: "error", message: error.message };
}
