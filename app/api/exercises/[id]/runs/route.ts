import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Run a learner's processor beside the reference on the exercise's input; poll GET /api/runs/{id} for the verdict. */
export const POST = answer(ROUTES.submitRun, async (rt, { id, body }) => rt.exercises.submit(id, body));
