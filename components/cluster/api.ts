import { ROUTES } from "@/lib/contract/routes";
import type { BrokerActionAnswer } from "@/lib/contract/cluster";
import { call } from "@/components/pipeline/api";

const ROUTE_OF = { kill: ROUTES.clusterKill, stop: ROUTES.clusterStop, start: ROUTES.clusterStart } as const;

/** Kill, stop or start one broker of the cluster. */
export const brokerNodeAction = (id: number, action: BrokerActionAnswer["action"]) => call(ROUTE_OF[action], { id });
