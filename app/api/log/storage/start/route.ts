import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** The storage demo: a producer into a topic of small segments and short retention; the slow reader stops where the log ends now. */
export const POST = answer(ROUTES.logStorageStart, async (rt) => {
  await rt.logLab.startStorage();
  return rt.logLab.view();
});
