import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** Replay a dataset into a topic with a column mapping and a pace; 409 while another replay runs. */
export const POST = answer(ROUTES.datasetReplayStart, (rt, { body }) => rt.datasets.start(body));
