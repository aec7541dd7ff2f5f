import type { ROUTES } from "@/lib/contract/routes";
import { answer } from "./answer";
import { HttpError } from "./respond";

/** Stop or start the embedded broker, then answer with the broker state as the monitor now sees it. */
export const brokerAction = (d: typeof ROUTES.brokerStart | typeof ROUTES.brokerStop, action: "stop" | "start") =>
  answer(d, async (rt) => {
    const control = rt.options.brokerControl;
    if (!control?.embedded) throw new HttpError(409, "the broker is external (KAFKA_BROKERS is set): stop and start it where it runs");
    await control[action]();
    await rt.monitor.poll();
    return rt.monitor.state();
  });
