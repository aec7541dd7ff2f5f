import { HttpError, route } from "./respond";

/** Stop or start the embedded broker, then answer with the broker state as the monitor now sees it. */
export const brokerAction = (action: "stop" | "start") =>
  route(async (rt) => {
    const control = rt.options.brokerControl;
    if (!control?.embedded) throw new HttpError(409, "the broker is external (KAFKA_BROKERS is set): stop and start it where it runs");
    await control[action]();
    await rt.monitor.poll();
    return Response.json(rt.monitor.state(), { status: 202 });
  });
