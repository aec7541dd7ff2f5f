import { componentParam, route } from "@/server/http/respond";

type Ctx = { params: Promise<{ name: string }> };

export const dynamic = "force-dynamic";

export const GET = route<Ctx>(async (rt, _req, { params }) =>
  Response.json({ lines: rt.supervisor.logs(await componentParam(params)) }),
);
