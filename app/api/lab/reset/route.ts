import { route } from "@/server/http/respond";

export const dynamic = "force-dynamic";

export const POST = route(async (rt) => Response.json(await rt.pipeline.resetLab()));
