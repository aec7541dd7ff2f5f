import { useEffect, useRef } from "react";
import type { ClientEventName, ClientEventPayload, ServerEventName, ServerEventPayload } from "@/lib/contract/socket";
import { useSocket } from "./SocketProvider";
import { useCoalesced } from "./useCoalesced";

/** The server room a feed joins while mounted, and the event that leaves it. */
export type FeedRoom = { [E in ClientEventName]: { join: E; payload: ClientEventPayload<E>; leave: ClientEventName } }[ClientEventName];

/** How each server event changes the feed; returning the same object means "nothing to render". */
export type FeedReducers<T> = { [E in ServerEventName]?: (prev: T, payload: ServerEventPayload<E>) => T };

/**
 * A live view's data from socket events: joins `room` while mounted, folds each event in with
 * its reducer (which keeps its buffers bounded), and renders at most once per `renderMs`.
 * A new room (another topic) starts again from `initial`.
 */
export function useFeed<T>(room: FeedRoom, reducers: FeedReducers<T>, initial: () => T, renderMs: number) {
  const { listen, subscribe } = useSocket();
  const coalesced = useCoalesced(initial, renderMs);
  const { update, set } = coalesced;
  // The reducers may close over this render's props; the subscription must not restart for that.
  const latest = useRef({ room, reducers, initial });
  // Declared before the subscription's effect, so it runs first and a new room finds its own reducers.
  useEffect(() => {
    latest.current = { room, reducers, initial };
  });
  const key = `${room.join}:${JSON.stringify(room.payload)}`;
  const builtFor = useRef(key);

  useEffect(() => {
    if (builtFor.current !== key) set(latest.current.initial);
    builtFor.current = key;
    const { join, payload, leave } = latest.current.room;
    const left = (subscribe as (e: ClientEventName, p: unknown, l: ClientEventName) => () => void)(join, payload, leave);
    const offs = (Object.keys(latest.current.reducers) as ServerEventName[]).map((event) =>
      listen(event, (p) => {
        const reduce = latest.current.reducers[event] as ((prev: T, p: unknown) => T) | undefined;
        if (reduce) update((prev) => reduce(prev, p));
      }),
    );
    return () => {
      left();
      offs.forEach((off) => off());
    };
    // `room` is a new object each render: its key says when it really changed.
  }, [key, listen, subscribe, update, set]);

  return coalesced;
}
