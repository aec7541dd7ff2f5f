import { route } from "@/server/http/respond";

export const POST = route(async (rt) => Response.json(await rt.pipeline.startAll(), { status: 202 }));
