import type { ResetPolicy } from "@/lib/contract/log";
import { ROUTES } from "@/lib/contract/routes";
import { call } from "@/components/pipeline/api";

/** The log page's requests. */
export const fetchLog = () => call(ROUTES.log, {});
export const storageAction = (action: "start" | "stop") => call(action === "start" ? ROUTES.logStorageStart : ROUTES.logStorageStop, {});
export const resumeReader = (policy: ResetPolicy) => call(ROUTES.logStorageResume, { body: { policy } });
export const compactionAction = (action: "start" | "stop") => call(action === "start" ? ROUTES.logCompactionStart : ROUTES.logCompactionStop, {});
export const deleteKey = (key: string) => call(ROUTES.logCompactionDelete, { body: { key } });
export const txnAction = (action: "hold" | "abort") => call(action === "hold" ? ROUTES.logTxnHold : ROUTES.logTxnAbort, {});
