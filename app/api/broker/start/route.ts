import { ROUTES } from "@/lib/contract/routes";
import { brokerAction } from "@/server/http/broker-action";

/** Start the embedded broker again, on the same data: nothing acknowledged before the stop is lost. */
export const POST = brokerAction(ROUTES.brokerStart, "start");
