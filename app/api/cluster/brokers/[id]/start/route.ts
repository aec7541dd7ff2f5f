import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Start one broker again: it catches up from the leaders and rejoins the ISR. */
export const POST = answer(ROUTES.clusterStart, (rt, { id }) => rt.cluster.act(id, "start"));
