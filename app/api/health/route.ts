import { route } from "@/server/http/respond";

export const dynamic = "force-dynamic";

export const GET = route(async (rt) => {
  const s = rt.monitor.state();
  return Response.json({ status: "ok", broker: { connected: s.connected, brokers: s.brokers, mode: s.mode, process: s.process } });
});
