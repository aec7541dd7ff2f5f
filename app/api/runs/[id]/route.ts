import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** A run's state, then its verdict: pass, fail with the first differences, or the error at its line. */
export const GET = answer(ROUTES.run, async (rt, { id }) => rt.exercises.verdict(id));
