import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** The chaos experiment: SIGKILL one instance (the first without a body) and watch the supervisor restart it. */
export const POST = answer(ROUTES.kill, async (rt, { name, body }) => {
  rt.supervisor.kill(name, body.instance);
  return rt.pipeline.view();
});
