import type { z } from "zod";
import type { RouteDef } from "@/lib/contract/routes";
import type { LabRuntime } from "../runtime";
import { declaresTooLarge, readLimitedBytes } from "./body";
import { HttpError, route } from "./respond";

/** What an upload handler gets: the file's bytes, its declared type, and the name the client gave it (display only). */
export interface UploadInput {
  bytes: Buffer;
  contentType: string | null;
  name: string | null;
}

/**
 * A route handler for an upload entry of ROUTES: the body is the file itself (not JSON), read up
 * to the table's limit (413 past it, found while reading, so an endless body costs no memory).
 * The file's name comes in `?name=`; it is only ever shown, never used as a path.
 */
export function answerUpload<D extends RouteDef & { upload: true; maxBodyBytes: number }>(
  d: D,
  handler: (rt: LabRuntime, input: UploadInput) => Promise<z.input<D["response"]>>,
) {
  return route<unknown>(async (rt, req) => {
    const limit = d.maxBodyBytes;
    const tooLarge = () => new HttpError(413, `the file is too large: at most ${limit / (1024 * 1024)} MB`);
    if (declaresTooLarge(req.headers.get("content-length"), limit)) throw tooLarge();
    const bytes = await readLimitedBytes(req.body, limit);
    if (bytes === null) throw tooLarge();
    const name = new URL(req.url, "http://lab").searchParams.get("name");
    return Response.json(await handler(rt, { bytes, contentType: req.headers.get("content-type"), name }), { status: d.status });
  });
}
