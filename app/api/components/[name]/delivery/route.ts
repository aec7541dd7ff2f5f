import { SetDeliveryMode } from "@/lib/contract/experiments";
import { componentParam, readBody, route } from "@/server/http/respond";

type Ctx = { params: Promise<{ name: string }> };

/**
 * The delivery experiment: `{"mode": "at-most-once" | "at-least-once" | "exactly-once"}` runs the
 * transform in that mode (a running one restarts in it). Only `strategy` has a mode (400 otherwise);
 * a restart of the lab is exactly-once again.
 */
export const POST = route<Ctx>(async (rt, req, { params }) => {
  const name = await componentParam(params);
  const { mode } = await readBody(req, SetDeliveryMode);
  return Response.json(await rt.pipeline.setDeliveryMode(name, mode), { status: 202 });
});
