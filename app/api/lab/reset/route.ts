import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

export const dynamic = "force-dynamic";

export const POST = answer(ROUTES.resetLab, (rt) => rt.pipeline.resetLab());
