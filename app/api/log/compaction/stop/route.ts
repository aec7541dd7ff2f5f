import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Stop the profile feeder (the compacted topic stays). */
export const POST = answer(ROUTES.logCompactionStop, async (rt) => {
  rt.logLab.stopCompaction();
  return rt.logLab.view();
});
