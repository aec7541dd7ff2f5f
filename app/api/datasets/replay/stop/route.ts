import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Stop the replay; what was sent stays in the topic. */
export const POST = answer(ROUTES.datasetReplayStop, (rt) => rt.datasets.stop());
