import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Scale a worker: how many consumer-group members (processes) it runs. */
export const PUT = answer(ROUTES.setInstances, async (rt, { name, body }) => {
  await rt.supervisor.setInstances(name, body.count);
  return rt.pipeline.view();
});
