"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { LogView } from "@/lib/contract/log";
import { logEffects } from "@/lib/loglab/effects";
import { useRecord } from "@/components/live/LessonProvider";
import { fetchLog } from "./api";

interface LogLabState {
  view: LogView | null;
  error: string | null;
  busy: boolean;
  /** Run a request of the log page as the learner's action `log:<name>`, then show the state it answers. */
  act: (name: string, request: () => Promise<unknown>) => Promise<void>;
}

const LogContext = createContext<LogLabState | null>(null);
const POLL_MS = 1500;

/**
 * The log page's state, polled while shown, and what the learner does there. Each effect it sees is
 * recorded for the lessons once after each of the learner's actions here (not on every poll).
 */
export function LogProvider({ children }: { children: ReactNode }) {
  const record = useRecord();
  const [view, setView] = useState<LogView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prev = useRef<LogView | null>(null);
  const noted = useRef(new Set<string>());

  const show = useCallback(
    (v: LogView) => {
      for (const e of logEffects(prev.current, v)) {
        if (noted.current.has(e)) continue;
        noted.current.add(e);
        record(`log-effect:${e}`);
      }
      prev.current = v;
      setView(v);
    },
    [record],
  );

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const v = await fetchLog().catch(() => null);
      if (!live) return;
      if (v) show(v);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [show]);

  const act = useCallback(
    async (name: string, request: () => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      try {
        await request();
        noted.current.clear();
        record(`log:${name}`);
        show(await fetchLog());
      } catch (err) {
        setError((err as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [record, show],
  );
  return <LogContext.Provider value={{ view, error, busy, act }}>{children}</LogContext.Provider>;
}

export function useLogLab(): LogLabState {
  const ctx = useContext(LogContext);
  if (!ctx) throw new Error("useLogLab needs a LogProvider above it");
  return ctx;
}
