import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Stop one broker gracefully: a controlled shutdown hands its leaderships over first. */
export const POST = answer(ROUTES.clusterStop, (rt, { id }) => rt.cluster.act(id, "stop"));
