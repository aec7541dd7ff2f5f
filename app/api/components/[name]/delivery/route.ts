import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/**
 * The delivery experiment: `{"mode": "at-most-once" | "at-least-once" | "exactly-once"}` runs the
 * transform in that mode (a running one restarts in it). Only `strategy` has a mode (400 otherwise);
 * a restart of the lab is exactly-once again.
 */
export const POST = answer(ROUTES.delivery, (rt, { name, body }) => rt.pipeline.setDeliveryMode(name, body.mode));
