import { RequestError, requestStatus } from "@/lib/errors";
import type { z } from "zod";
import { ComponentName } from "@/lib/contract/api";
import { getRuntime } from "../runtime-access";
import type { LabRuntime } from "../runtime";
import { MAX_BODY_BYTES, declaresTooLarge, readLimited } from "./body";

/** Refused by a route itself (bad body, unknown component, too large). */
export class HttpError extends RequestError {}

export const errorJson = (status: number, error: string) => Response.json({ error }, { status });

/**
 * Every API route goes through here: it gets the server's long-lived objects, and whatever
 * goes wrong becomes a JSON error with a message, never a stack trace.
 */
export function route<C>(handler: (rt: LabRuntime, req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    const rt = getRuntime();
    if (!rt) return errorJson(503, "the lab server is not running here: start the app with `npm start` (or `npm run dev`)");
    try {
      return await handler(rt, req, ctx);
    } catch (err) {
      const status = requestStatus(err);
      if (status !== undefined) return errorJson(status, (err as Error).message);
      rt.log.warn({ err, url: req.url }, "request failed");
      return errorJson(503, `Kafka did not answer: ${(err as Error).message}. Is the broker up? See GET /api/health.`);
    }
  };
}

/**
 * Read and validate a JSON body: 413 when too large (found while reading, so a huge or endless
 * chunked body costs no memory), 400 naming the bad field otherwise.
 */
export async function readBody<S extends z.ZodType>(req: Request, schema: S, limit = MAX_BODY_BYTES): Promise<z.infer<S>> {
  return parseBody(await readText(req, limit), schema);
}

/** As readBody, for a route whose body may be left out: no body at all reads as `{}`. */
export async function readOptionalBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = await readText(req);
  return parseBody(text.trim() === "" ? "{}" : text, schema);
}

async function readText(req: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const tooLarge = () => new HttpError(413, `body too large: at most ${limit} bytes`);
  if (declaresTooLarge(req.headers.get("content-length"), limit)) throw tooLarge();
  const text = await readLimited(req.body, limit);
  if (text === null) throw tooLarge();
  return text;
}

function parseBody<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body must be JSON, e.g. {"ratePerSecond": 10}');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || (issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "body");
    throw new HttpError(400, `${field}: ${issue.message}`);
  }
  return parsed.data;
}

export async function componentParam(params: Promise<{ name: string }>): Promise<ComponentName> {
  const { name } = await params;
  const parsed = ComponentName.safeParse(name);
  if (!parsed.success) throw new HttpError(404, `no component named "${name}"; known: ${ComponentName.options.join(", ")}`);
  return parsed.data;
}
