import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** The log page: storage, compaction and the transaction readers, as they are now. */
export const GET = answer(ROUTES.log, (rt) => rt.logLab.view());
