import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";
import { brokerId } from "@/server/http/respond";

/** Start one broker again: it catches up from the leaders and rejoins the ISR. */
export const POST = answer(ROUTES.clusterStart, (rt, { id }) => rt.cluster.act(brokerId(id), "start"));
