import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Experiments: write a hand-made record (late, out of order, or malformed) into an input topic. */
export const POST = answer(ROUTES.inject, (rt, { body }) => rt.pipeline.inject(body));
