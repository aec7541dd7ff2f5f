"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { BrokerState, PipelineView } from "@/lib/contract/api";
import {
  ServerEvents,
  type ClientEventName,
  type ClientEventPayload,
  type ClientToServer,
  type ServerEventName,
  type ServerEventPayload,
  type ServerToClient,
} from "@/lib/contract/socket";
import { emptySnapshot, withAction, withGroupLag, withJoinBatch, withLag, withPipeline, withSeen, type LiveSnapshot } from "@/lib/live/snapshot";

export type Connection = "connecting" | "live" | "reconnecting";
type LabSocket = Socket<ServerToClient, ClientToServer>;
type Listener = (payload: unknown) => void;

interface Live {
  connection: Connection;
  broker: BrokerState | null;
  pipeline: PipelineView | null;
  applyPipeline: (view: PipelineView) => void;
  /** Registers a validated listener; returns the function that removes it. */
  listen: <E extends ServerEventName>(event: E, fn: (p: ServerEventPayload<E>) => void) => () => void;
  /** Joins a server room while the caller is mounted; shared by every caller asking the same. */
  subscribe: <E extends ClientEventName>(event: E, payload: ClientEventPayload<E>, leave: ClientEventName) => () => void;
}

/** The stable part of Live: never changes after mount, so hot views can use it without re-rendering on every state event. */
type Socketry = Pick<Live, "listen" | "subscribe" | "applyPipeline"> & { pipelineNow: () => PipelineView | null };

interface Lessons {
  snapshot: LiveSnapshot;
  record: (action: string) => void;
}

const LiveContext = createContext<Live | null>(null);
const LessonContext = createContext<Lessons | null>(null);
const SocketContext = createContext<Socketry | null>(null);
const BrokerContext = createContext<BrokerState | null>(null);
const RecordContext = createContext<Lessons["record"] | null>(null);

export function LiveProvider({ children }: { children: ReactNode }) {
  const socketRef = useRef<LabSocket | null>(null);
  const listeners = useRef(new Map<string, Set<Listener>>());
  const subs = useRef(new Map<string, { count: number; event: ClientEventName; payload: unknown }>());
  const [connection, setConnection] = useState<Connection>("connecting");
  const [broker, setBroker] = useState<BrokerState | null>(null);
  const [pipeline, setPipeline] = useState<PipelineView | null>(null);
  const pipelineRef = useRef<PipelineView | null>(null);
  const [snapshot, setSnapshot] = useState<LiveSnapshot>(emptySnapshot);

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

  const listen = useCallback<Live["listen"]>((event, fn) => {
    let set = listeners.current.get(event);
    if (!set) listeners.current.set(event, (set = new Set()));
    const l = fn as Listener;
    set.add(l);
    return () => void set.delete(l);
  }, []);

  const subscribe = useCallback<Live["subscribe"]>((event, payload, leave) => {
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

  useEffect(() => {
    const offs = [
      listen("broker:state", (b) => {
        setBroker(b);
        setSnapshot((s) => ({ ...s, broker: b }));
      }),
      listen("pipeline:state", (p) => {
        pipelineRef.current = p;
        setPipeline(p);
        setSnapshot((s) => withPipeline(s, p, Date.now()));
      }),
      listen("topic:batch", (b) => setSnapshot((s) => withSeen(s, b.topic, b.total, Date.now()))),
      listen("topic:stats", (st) => {
        // A group's lag is what waits in all its partitions (what a learner adds up in the table).
        const lag = Math.max(0, ...st.groups.map((g) => g.partitions.reduce((n, p) => n + (p.lag ?? 0), 0)));
        setSnapshot((s) => withLag(s, st.topic, lag, Date.now()));
      }),
      listen("join:batch", (j) => setSnapshot((s) => withJoinBatch(s, j.totals, Date.now()))),
      listen("lag:stats", (g) => setSnapshot((s) => withGroupLag(s, g.worker, g.total, Date.now()))),
    ];
    return () => offs.forEach((off) => off());
  }, [listen]);

  const applyPipeline = useCallback((view: PipelineView) => {
    pipelineRef.current = view;
    setPipeline(view);
    setSnapshot((s) => withPipeline(s, view, Date.now()));
  }, []);
  const record = useCallback((action: string) => setSnapshot((s) => withAction(s, action, Date.now())), []);

  const live = useMemo<Live>(
    () => ({ connection, broker, pipeline, applyPipeline, listen, subscribe }),
    [connection, broker, pipeline, applyPipeline, listen, subscribe],
  );
  const lessons = useMemo<Lessons>(() => ({ snapshot, record }), [snapshot, record]);
  const socketry = useMemo<Socketry>(
    () => ({ listen, subscribe, applyPipeline, pipelineNow: () => pipelineRef.current }),
    [listen, subscribe, applyPipeline],
  );
  return (
    <SocketContext.Provider value={socketry}>
      <RecordContext.Provider value={record}>
        <BrokerContext.Provider value={broker}>
          <LiveContext.Provider value={live}>
            <LessonContext.Provider value={lessons}>{children}</LessonContext.Provider>
          </LiveContext.Provider>
        </BrokerContext.Provider>
      </RecordContext.Provider>
    </SocketContext.Provider>
  );
}

export function useLive(): Live {
  const ctx = useContext(LiveContext);
  if (!ctx) throw new Error("useLive needs a LiveProvider above it");
  return ctx;
}

export function useLessonState(): Lessons {
  const ctx = useContext(LessonContext);
  if (!ctx) throw new Error("useLessonState needs a LiveProvider above it");
  return ctx;
}

/** listen / subscribe / applyPipeline only: unlike useLive, a caller does not re-render on pipeline or broker events. */
export function useSocket(): Socketry {
  const ctx = useContext(SocketContext);
  if (!ctx) throw new Error("useSocket needs a LiveProvider above it");
  return ctx;
}

/** The broker's state alone, which changes only when the broker does. */
export const useBroker = (): BrokerState | null => useContext(BrokerContext);

/** Records a learner's action without re-rendering the caller on every live event (as useLessonState would). */
export function useRecord(): Lessons["record"] {
  const ctx = useContext(RecordContext);
  if (!ctx) throw new Error("useRecord needs a LiveProvider above it");
  return ctx;
}
