import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Stop the storage demo's producer (the topic and its segments stay). */
export const POST = answer(ROUTES.logStorageStop, async (rt) => {
  rt.logLab.stopStorage();
  return rt.logLab.view();
});
