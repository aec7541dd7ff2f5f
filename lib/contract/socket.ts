import { z } from "zod";
import { BrokerState, LogLine, PipelineView } from "./api";
import { COMPONENT_NAMES } from "./api";

/**
 * Every socket.io event that crosses the wire, server → client and client → server.
 * Both sides import these schemas; the server validates what clients send, the
 * client validates what the server sends.
 */
export const ServerEvents = {
  "broker:state": BrokerState,
  "pipeline:state": PipelineView,
  "component:log": z.object({ name: z.enum(COMPONENT_NAMES), lines: z.array(LogLine) }),
} as const;
export type ServerEventName = keyof typeof ServerEvents;
export type ServerEventPayload<E extends ServerEventName> = z.infer<(typeof ServerEvents)[E]>;

export const ClientEvents = {
  "logs:subscribe": z.object({ name: z.enum(COMPONENT_NAMES) }),
  "logs:unsubscribe": z.object({ name: z.enum(COMPONENT_NAMES) }),
} as const;
export type ClientEventName = keyof typeof ClientEvents;
export type ClientEventPayload<E extends ClientEventName> = z.infer<(typeof ClientEvents)[E]>;
