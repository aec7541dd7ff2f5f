import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

export const dynamic = "force-dynamic";

/** A worker's consumer group: its state and members, so the replay card knows when it may rewind. */
export const GET = answer(ROUTES.group, (rt, { name }) => rt.pipeline.group(name));
