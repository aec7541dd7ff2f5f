import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

/** The dataset files a replay can read: the generated user_log sample and the uploads. */
export const GET = answer(ROUTES.datasets, (rt) => rt.datasets.list());
