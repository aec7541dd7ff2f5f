import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

export const dynamic = "force-dynamic";

export const GET = answer(ROUTES.logs, async (rt, { name }) => ({ lines: rt.supervisor.logs(name) }));
