import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Reveal the exercise's reference solution. */
export const GET = answer(ROUTES.solution, async (rt, { id }) => rt.exercises.solution(id));
