import { z } from "zod";
import { MAX_INSTANCES } from "@/lib/contract/api";
import { componentParam, readBody, route } from "@/server/http/respond";

type Ctx = { params: Promise<{ name: string }> };
const Body = z.object({ count: z.number().int().min(1).max(MAX_INSTANCES) }).strict();

/** Scale a worker: how many consumer-group members (processes) it runs. */
export const PUT = route<Ctx>(async (rt, req, { params }) => {
  const name = await componentParam(params);
  const { count } = await readBody(req, Body);
  await rt.supervisor.setInstances(name, count);
  return Response.json(rt.pipeline.view(), { status: 202 });
});
