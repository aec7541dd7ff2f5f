import { ROUTES } from "@/lib/contract/routes";
import { brokerAction } from "@/server/http/broker-action";

/** The broker-restart experiment: stop the embedded broker; producers and workers wait and reconnect. */
export const POST = brokerAction(ROUTES.brokerStop, "stop");
