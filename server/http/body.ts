/** Largest request body any API route reads. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Read a body as UTF-8 text, counting bytes as they arrive: null as soon as it would exceed
 * `limit` (the rest is never read, the stream is cancelled), so memory stays within `limit`
 * plus one chunk whatever the client sends, chunked or not.
 */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string | null> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel("body too large").catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** A declared Content-Length over `limit` (a body can be refused before a byte of it is read). */
export function declaresTooLarge(contentLength: string | undefined | null, limit: number): boolean {
  return contentLength !== undefined && contentLength !== null && /^\d+$/.test(contentLength.trim()) && Number(contentLength) > limit;
}
