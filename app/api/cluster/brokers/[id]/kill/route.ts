import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";
import { brokerId } from "@/server/http/respond";

/** SIGKILL one broker's JVM: its leaderships move once the controller notices it is gone. */
export const POST = answer(ROUTES.clusterKill, (rt, { id }) => rt.cluster.act(brokerId(id), "kill"));
