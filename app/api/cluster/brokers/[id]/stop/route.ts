import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";
import { brokerId } from "@/server/http/respond";

/** Stop one broker gracefully: a controlled shutdown hands its leaderships over first. */
export const POST = answer(ROUTES.clusterStop, (rt, { id }) => rt.cluster.act(brokerId(id), "stop"));
