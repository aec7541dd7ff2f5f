import { useCallback, useSyncExternalStore } from "react";

/**
 * The time now, read again every `intervalMs` while mounted (rounded down to it, so that React sees the
 * same value until the next tick); 0 while rendering on the server.
 */
export function useNow(intervalMs = 500): number {
  const subscribe = useCallback(
    (onTick: () => void) => {
      const id = setInterval(onTick, intervalMs);
      return () => clearInterval(id);
    },
    [intervalMs],
  );
  return useSyncExternalStore(
    subscribe,
    () => Math.floor(Date.now() / intervalMs) * intervalMs,
    () => 0,
  );
}
