import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

export const dynamic = "force-dynamic";

export const GET = answer(ROUTES.pipeline, async (rt) => rt.pipeline.view());
