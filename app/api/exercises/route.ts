import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** The exercise book: every exercise's number, title and summary (as i18n keys). */
export const GET = answer(ROUTES.exercises, async (rt) => rt.exercises.list());
