import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** One node or a three-node cluster: the embedded side restarts with that many, its topics made anew there. */
export const PUT = answer(ROUTES.brokerNodes, async (rt, { body }) => {
  await rt.setNodeCount(body.nodes);
  await rt.monitor.poll();
  return rt.monitor.state();
});
