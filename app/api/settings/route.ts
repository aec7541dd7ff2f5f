import { SettingsPatch } from "@/lib/contract/api";
import { readBody, route } from "@/server/http/respond";

export const dynamic = "force-dynamic";

export const GET = route(async (rt) => Response.json(rt.pipeline.view().settings));

export const PUT = route(async (rt, req) => Response.json(await rt.pipeline.updateSettings(await readBody(req, SettingsPatch))));
