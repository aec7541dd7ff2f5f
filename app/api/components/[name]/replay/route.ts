import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/**
 * Rewind a stopped worker's consumer group to the earliest offset or a point in time: every input
 * topic or none. 202 lists each partition's old and new offset; 409 names what is in the way.
 */
export const POST = answer(ROUTES.replay, (rt, { name, body }) => rt.pipeline.replay(name, body));
