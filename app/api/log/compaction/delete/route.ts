import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Write a tombstone for one key of the profile table. */
export const POST = answer(ROUTES.logCompactionDelete, async (rt, { body }) => {
  await rt.logLab.deleteKey(body.key);
  return rt.logLab.view();
});
