import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

export const dynamic = "force-dynamic";

export const GET = answer(ROUTES.settings, async (rt) => rt.pipeline.view().settings);

export const PUT = answer(ROUTES.updateSettings, (rt, { body }) => rt.pipeline.updateSettings(body));
