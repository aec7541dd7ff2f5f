import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** The compaction demo: a feeder of user-profile updates into a compacted topic. */
export const POST = answer(ROUTES.logCompactionStart, async (rt) => {
  await rt.logLab.startCompaction();
  return rt.logLab.view();
});
