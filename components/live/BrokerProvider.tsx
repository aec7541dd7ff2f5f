"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { BrokerState } from "@/lib/contract/api";
import { useSocket } from "./SocketProvider";

const BrokerContext = createContext<BrokerState | null>(null);

/** The broker's latest state, as the server pushes it. */
export function BrokerProvider({ children }: { children: ReactNode }) {
  const { listen } = useSocket();
  const [broker, setBroker] = useState<BrokerState | null>(null);
  useEffect(() => listen("broker:state", setBroker), [listen]);
  return <BrokerContext.Provider value={broker}>{children}</BrokerContext.Provider>;
}

/** The broker's state alone, which changes only when the broker does. */
export const useBroker = (): BrokerState | null => useContext(BrokerContext);
