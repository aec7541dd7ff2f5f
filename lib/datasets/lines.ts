/** A physical line of a dataset file, numbered from 1 as an editor shows it. */
export interface FileLine {
  line: number;
  text: string;
  /** The line was longer than the limit: `text` holds only its start. */
  tooLong: boolean;
}

/** Longest line a replay reads; a longer one is dead-lettered, never held whole in memory. */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * Splits a file's chunks into lines (\n or \r\n), numbered from 1, the BOM dropped. Memory stays
 * bounded whatever the file holds: a line past `maxChars` is cut and the rest of it skipped.
 */
export async function* linesOf(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, maxChars = MAX_LINE_CHARS): AsyncGenerator<FileLine> {
  const decoder = new TextDecoder("utf-8");
  let line = 1;
  let current = "";
  let tooLong = false;
  const finish = (): FileLine => {
    const text = current.endsWith("\r") ? current.slice(0, -1) : current;
    const out = { line, text: line === 1 ? text.replace(/^\uFEFF/, "") : text, tooLong };
    line++;
    current = "";
    tooLong = false;
    return out;
  };
  const take = (piece: string) => {
    if (tooLong) return;
    current += piece;
    if (current.length > maxChars) {
      current = current.slice(0, maxChars);
      tooLong = true;
    }
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let from = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", from)) {
      take(text.slice(from, nl));
      yield finish();
      from = nl + 1;
    }
    take(text.slice(from));
  }
  take(decoder.decode());
  if (current.length > 0 || tooLong) yield finish();
}
