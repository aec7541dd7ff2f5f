import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** The brokers and every partition's replicas, ISR, log end offsets, high watermark and last stable offset. */
export const GET = answer(ROUTES.cluster, (rt) => rt.cluster.view());
