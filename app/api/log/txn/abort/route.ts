import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Abort the held transaction: read_committed readers skip its records. */
export const POST = answer(ROUTES.logTxnAbort, async (rt) => {
  await rt.logLab.abortTransaction();
  return rt.logLab.view();
});
