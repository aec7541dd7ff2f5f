import { ROUTES } from "@/lib/contract/routes";
import { answer } from "@/server/http/answer";

export const dynamic = "force-dynamic";

export const GET = answer(ROUTES.health, async (rt) => {
  const s = rt.monitor.state();
  return { status: "ok" as const, broker: { connected: s.connected, brokers: s.brokers, mode: s.mode, process: s.process } };
});
