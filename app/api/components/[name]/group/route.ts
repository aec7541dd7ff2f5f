import { componentParam, route } from "@/server/http/respond";

type Ctx = { params: Promise<{ name: string }> };

export const dynamic = "force-dynamic";

/** A worker's consumer group: its state and members, so the replay card knows when it may rewind. */
export const GET = route<Ctx>(async (rt, _req, { params }) => Response.json(await rt.pipeline.group(await componentParam(params))));
