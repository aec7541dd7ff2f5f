import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** One exercise: statement and hint keys, starter code, how it is graded, and the start of its input. */
export const GET = answer(ROUTES.exercise, async (rt, { id }) => rt.exercises.detail(id));
