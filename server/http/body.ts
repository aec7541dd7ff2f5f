/** Largest request body any API route reads. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * What happens to the rest of a refused body: up to `bytes` more are read and dropped, so a
 * client that sends its whole body before reading the answer still gets its 413; then nothing
 * more is read, and after `ms` the stream is cancelled, which closes the connection. Cancelling
 * at once would close it while the client is still sending, and the reset can lose the answer.
 */
export interface Linger {
  ms: number;
  bytes: number;
}

export const LINGER: Linger = { ms: 2000, bytes: 1024 * 1024 };

/**
 * Read a body as UTF-8 text, counting bytes as they arrive: null as soon as it would exceed
 * `limit`, keeping nothing past it, so memory stays flat whatever the client sends, chunked or
 * not. The rest of a refused body lingers as `linger` says.
 */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number, linger = LINGER): Promise<string | null> {
  const bytes = await readLimitedBytes(body, limit, linger);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

/** As readLimited, the bytes as they came (an upload is checked for UTF-8 by the code that reads it). */
export async function readLimitedBytes(body: ReadableStream<Uint8Array> | null, limit: number, linger = LINGER): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void dropRest(reader, linger);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function dropRest(reader: ReadableStreamDefaultReader<Uint8Array>, linger: Linger): Promise<void> {
  const timer = setTimeout(() => reader.cancel("body too large").catch(() => undefined), linger.ms);
  let dropped = 0;
  try {
    while (dropped <= linger.bytes) {
      const { done, value } = await reader.read();
      if (done) return clearTimeout(timer);
      dropped += value.byteLength;
    }
  } catch {
    clearTimeout(timer); // the client went away: nothing left to cancel
  }
}

/** A declared Content-Length over `limit` (a body can be refused before a byte of it is read). */
export function declaresTooLarge(contentLength: string | undefined | null, limit: number): boolean {
  return contentLength !== undefined && contentLength !== null && /^\d+$/.test(contentLength.trim()) && Number(contentLength) > limit;
}
