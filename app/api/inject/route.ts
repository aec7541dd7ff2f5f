import { Inject } from "@/lib/contract/experiments";
import { readBody, route } from "@/server/http/respond";

/** Experiments: write a hand-made record (late, out of order, or malformed) into an input topic. */
export const POST = route(async (rt, req) => Response.json(await rt.pipeline.inject(await readBody(req, Inject)), { status: 201 }));
