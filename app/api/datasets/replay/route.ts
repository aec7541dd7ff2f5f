import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** How far the replay is: rows sent, rows dead-lettered (the latest with their line numbers). */
export const GET = answer(ROUTES.datasetReplay, async (rt) => rt.datasets.status());
