import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

export const POST = answer(ROUTES.startAll, (rt) => rt.pipeline.startAll());
