"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import {
  ServerEvents,
  type ClientEventName,
  type ClientEventPayload,
  type ClientToServer,
  type ServerEventName,
  type ServerEventPayload,
  type ServerToClient,
} from "@/lib/contract/socket";

export type Connection = "connecting" | "live" | "reconnecting";
type LabSocket = Socket<ServerToClient, ClientToServer>;
type Listener = (payload: unknown) => void;

/** The stable part of the socket: never changes after mount, so hot views can use it without re-rendering. */
export interface Socketry {
  /** Registers a validated listener; returns the function that removes it. */
  listen: <E extends ServerEventName>(event: E, fn: (p: ServerEventPayload<E>) => void) => () => void;
  /** Joins a server room while the caller is mounted; shared by every caller asking the same. */
  subscribe: <E extends ClientEventName>(event: E, payload: ClientEventPayload<E>, leave: ClientEventName) => () => void;
  /** Hands an event to the listeners as if the server had sent it (a state an HTTP answer returned). */
  deliver: <E extends ServerEventName>(event: E, payload: ServerEventPayload<E>) => void;
}

const SocketContext = createContext<Socketry | null>(null);
const ConnectionContext = createContext<Connection>("connecting");

/** The one socket.io connection: validated listeners, shared room subscriptions, and its connection state. */
export function SocketProvider({ children }: { children: ReactNode }) {
  const socketRef = useRef<LabSocket | null>(null);
  const listeners = useRef(new Map<string, Set<Listener>>());
  const subs = useRef(new Map<string, { count: number; event: ClientEventName; payload: unknown }>());
  const [connection, setConnection] = useState<Connection>("connecting");

  const dispatch = useCallback((event: string, raw: unknown) => {
    const schema = ServerEvents[event as ServerEventName];
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return;
    listeners.current.get(event)?.forEach((fn) => fn(parsed.data));
  }, []);

  useEffect(() => {
    const socket: LabSocket = io({ path: "/socket.io", reconnectionDelayMax: 3000 });
    socketRef.current = socket;
    const untyped = socket as unknown as Socket;
    for (const event of Object.keys(ServerEvents)) untyped.on(event, (raw: unknown) => dispatch(event, raw));
    socket.on("connect", () => {
      setConnection("live");
      for (const s of subs.current.values()) untyped.emit(s.event, s.payload);
    });
    socket.on("disconnect", () => setConnection("reconnecting"));
    socket.io.on("reconnect_attempt", () => setConnection("reconnecting"));
    return () => {
      socket.close();
      socketRef.current = null;
    };
  }, [dispatch]);

  const listen = useCallback<Socketry["listen"]>((event, fn) => {
    let set = listeners.current.get(event);
    if (!set) listeners.current.set(event, (set = new Set()));
    const l = fn as Listener;
    set.add(l);
    return () => void set.delete(l);
  }, []);

  const subscribe = useCallback<Socketry["subscribe"]>((event, payload, leave) => {
    const id = `${event}:${JSON.stringify(payload)}`;
    const sub = subs.current.get(id);
    const untyped = () => socketRef.current as unknown as Socket | null;
    if (sub) sub.count++;
    else {
      subs.current.set(id, { count: 1, event, payload });
      if (socketRef.current?.connected) untyped()?.emit(event, payload);
    }
    return () => {
      const s = subs.current.get(id);
      if (!s) return;
      if (--s.count > 0) return;
      subs.current.delete(id);
      untyped()?.emit(leave, payload);
    };
  }, []);

  const deliver = useCallback<Socketry["deliver"]>((event, payload) => {
    listeners.current.get(event)?.forEach((fn) => fn(payload));
  }, []);

  const socketry = useMemo<Socketry>(() => ({ listen, subscribe, deliver }), [listen, subscribe, deliver]);
  return (
    <SocketContext.Provider value={socketry}>
      <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>
    </SocketContext.Provider>
  );
}

/** listen / subscribe / deliver only: a caller does not re-render on any live event. */
export function useSocket(): Socketry {
  const ctx = useContext(SocketContext);
  if (!ctx) throw new Error("useSocket needs a SocketProvider above it");
  return ctx;
}

/** Whether the socket is connected: changes only when the connection does. */
export const useConnection = (): Connection => useContext(ConnectionContext);
