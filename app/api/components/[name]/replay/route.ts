import { Replay } from "@/lib/contract/experiments";
import { componentParam, readBody, route } from "@/server/http/respond";

type Ctx = { params: Promise<{ name: string }> };

/**
 * Rewind a stopped worker's consumer group to the earliest offset or a point in time: every input
 * topic or none. 202 lists each partition's old and new offset; 409 names what is in the way.
 */
export const POST = route<Ctx>(async (rt, req, { params }) => {
  const name = await componentParam(params);
  return Response.json(await rt.pipeline.replay(name, await readBody(req, Replay)), { status: 202 });
});
