import { componentParam, route } from "@/server/http/respond";

type Ctx = { params: Promise<{ name: string }> };

export const POST = route<Ctx>(async (rt, _req, { params }) =>
  Response.json(await rt.pipeline.stop(await componentParam(params)), { status: 202 }),
);
