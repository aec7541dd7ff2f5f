/** Largest request body any API route reads. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * How long the rest of a refused body is still read and dropped before the stream is cancelled.
 * Cancelling at once would close the connection before the client reads its 413 (the client is
 * still sending); reading on for a while lets it, and a client that never stops is cut off.
 */
export const LINGER_MS = 2000;

/**
 * Read a body as UTF-8 text, counting bytes as they arrive: null as soon as it would exceed
 * `limit`, keeping nothing past it, so memory stays within `limit` plus one chunk whatever the
 * client sends, chunked or not. The rest is dropped for `lingerMs`, then the stream cancelled.
 */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number, lingerMs = LINGER_MS): Promise<string | null> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void dropRest(reader, lingerMs);
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

async function dropRest(reader: ReadableStreamDefaultReader<Uint8Array>, lingerMs: number): Promise<void> {
  const cancel = () => reader.cancel("body too large").catch(() => undefined);
  const timer = setTimeout(cancel, lingerMs);
  try {
    while (!(await reader.read()).done);
  } catch {
    // The client went away: nothing left to drop.
  } finally {
    clearTimeout(timer);
  }
}

/** A declared Content-Length over `limit` (a body can be refused before a byte of it is read). */
export function declaresTooLarge(contentLength: string | undefined | null, limit: number): boolean {
  return contentLength !== undefined && contentLength !== null && /^\d+$/.test(contentLength.trim()) && Number(contentLength) > limit;
}
