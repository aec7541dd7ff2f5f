import type { z } from "zod";
import type { ComponentName } from "@/lib/contract/api";
import type { HasId, HasName, RequestOut, RouteDef } from "@/lib/contract/routes";
import type { LabRuntime } from "../runtime";
import { componentParam, readBody, readOptionalBody, route } from "./respond";

/** What a handler gets: the component (or the id) its path names, and its checked body, when the route has them. */
export type RouteInput<D extends RouteDef> = (HasName<D> extends true ? { name: ComponentName } : unknown) &
  (HasId<D> extends true ? { id: string } : unknown) &
  (D["request"] extends z.ZodType ? { body: RequestOut<D> } : unknown);

/** Next's context for a route: only a route with `{name}` or `{id}` in its path has params. */
type RouteCtx<D extends RouteDef> =
  HasName<D> extends true ? { params: Promise<{ name: string }> } : HasId<D> extends true ? { params: Promise<{ id: string }> } : unknown;

/**
 * A route handler for one entry of ROUTES: it checks the component name (404) and the body (400,
 * 413) as the table says, and answers with the table's status. The handler's result must be the
 * table's response type, so the server and the clients cannot disagree about an answer.
 */
export function answer<D extends RouteDef>(d: D, handler: (rt: LabRuntime, input: RouteInput<D>) => Promise<z.input<D["response"]>>) {
  return route<RouteCtx<D>>(async (rt, req, ctx) => {
    const input: Record<string, unknown> = {};
    if (d.path.includes("{name}")) input.name = await componentParam((ctx as { params: Promise<{ name: string }> }).params);
    // An id is checked by the handler, which knows what it names (an exercise, a run): 404 for an unknown one.
    if (d.path.includes("{id}")) input.id = (await (ctx as { params: Promise<{ id: string }> }).params).id;
    if (d.request) input.body = d.bodyOptional ? await readOptionalBody(req, d.request) : await readBody(req, d.request, d.maxBodyBytes);
    return Response.json(await handler(rt, input as RouteInput<D>), { status: d.status });
  });
}
