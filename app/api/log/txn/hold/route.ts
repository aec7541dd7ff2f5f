import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Begin a transaction on a pipeline output, write records in it and leave it open. */
export const POST = answer(ROUTES.logTxnHold, async (rt) => {
  await rt.logLab.holdTransaction();
  return rt.logLab.view();
});
