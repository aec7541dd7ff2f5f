"use client";

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { emptySnapshot, withAction, withCluster, withGroupLag, withJoinBatch, withLag, withPipeline, withSeen, type LiveSnapshot } from "@/lib/live/snapshot";
import { useSocket } from "./SocketProvider";

type RecordAction = (action: string) => void;

const SnapshotContext = createContext<LiveSnapshot | null>(null);
const RecordContext = createContext<RecordAction | null>(null);

/** What lesson progress is judged on: what the learner did and what the live pipeline showed, on every page. */
export function LessonProvider({ children }: { children: ReactNode }) {
  const { listen } = useSocket();
  const [snapshot, setSnapshot] = useState<LiveSnapshot>(emptySnapshot);

  useEffect(() => {
    const offs = [
      listen("broker:state", (b) => setSnapshot((s) => ({ ...s, broker: b }))),
      listen("pipeline:state", (p) => setSnapshot((s) => withPipeline(s, p, Date.now()))),
      listen("topic:batch", (b) => setSnapshot((s) => withSeen(s, b.topic, b.total, Date.now()))),
      listen("topic:stats", (st) => {
        // A group's lag is what waits in all its partitions (what a learner adds up in the table).
        const lag = Math.max(0, ...st.groups.map((g) => g.partitions.reduce((n, p) => n + (p.lag ?? 0), 0)));
        setSnapshot((s) => withLag(s, st.topic, lag, Date.now()));
      }),
      listen("join:batch", (j) => setSnapshot((s) => withJoinBatch(s, j.totals, Date.now()))),
      listen("lag:stats", (g) => setSnapshot((s) => withGroupLag(s, g.worker, g.total, Date.now()))),
      listen("cluster:state", (c) => setSnapshot((s) => withCluster(s, c, Date.now()))),
    ];
    return () => offs.forEach((off) => off());
  }, [listen]);

  const record = useCallback<RecordAction>((action) => setSnapshot((s) => withAction(s, action, Date.now())), []);
  return (
    <RecordContext.Provider value={record}>
      <SnapshotContext.Provider value={snapshot}>{children}</SnapshotContext.Provider>
    </RecordContext.Provider>
  );
}

/** The lesson snapshot: the caller re-renders on every live event. */
export function useLessonSnapshot(): LiveSnapshot {
  const ctx = useContext(SnapshotContext);
  if (!ctx) throw new Error("useLessonSnapshot needs a LessonProvider above it");
  return ctx;
}

/** Records a learner's action without re-rendering the caller on every live event (as useLessonSnapshot would). */
export function useRecord(): RecordAction {
  const ctx = useContext(RecordContext);
  if (!ctx) throw new Error("useRecord needs a LessonProvider above it");
  return ctx;
}
