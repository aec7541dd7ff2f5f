import { z } from "zod";
import { MAX_INSTANCES } from "@/lib/contract/api";
import { componentParam, readBody, route } from "@/server/http/respond";

type Ctx = { params: Promise<{ name: string }> };
const Body = z.object({ instance: z.number().int().min(0).max(MAX_INSTANCES - 1).default(0) }).strict();

/** The chaos experiment: SIGKILL one instance and watch the supervisor restart it. */
export const POST = route<Ctx>(async (rt, req, { params }) => {
  const name = await componentParam(params);
  const hasBody = Number(req.headers.get("content-length") ?? "0") > 0;
  const { instance } = hasBody ? await readBody(req, Body) : { instance: 0 };
  rt.supervisor.kill(name, instance);
  return Response.json(rt.pipeline.view(), { status: 202 });
});
