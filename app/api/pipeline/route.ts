import { route } from "@/server/http/respond";

export const dynamic = "force-dynamic";

export const GET = route(async (rt) => Response.json(rt.pipeline.view()));
