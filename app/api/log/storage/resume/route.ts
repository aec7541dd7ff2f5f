import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Resume the slow reader with this auto.offset.reset; answers what it asked for, where it was reset to, and what it lost. */
export const POST = answer(ROUTES.logStorageResume, (rt, { body }) => rt.logLab.resumeReader(body.policy));
