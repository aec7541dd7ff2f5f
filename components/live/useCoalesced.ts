import { startTransition, useCallback, useEffect, useRef, useState } from "react";

/**
 * State that many socket events update but React renders at most once per `minMs`.
 * Events change the pending value at once (so nothing is lost); the render follows as a
 * transition, which React may slice, instead of one synchronous render per event.
 */
export function useCoalesced<T>(initial: () => T, minMs: number) {
  const [value, setValue] = useState(initial);
  const pending = useRef<T>(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);

  const commit = useCallback(() => {
    timer.current = null;
    last.current = performance.now();
    const next = pending.current;
    startTransition(() => setValue(next));
  }, []);

  const update = useCallback(
    (fn: (prev: T) => T) => {
      const next = fn(pending.current);
      // An event that changed nothing (another topic's, an unchanged metric) needs no render.
      if (next === pending.current) return;
      pending.current = next;
      if (timer.current !== null) return;
      timer.current = setTimeout(commit, Math.max(0, last.current + minMs - performance.now()));
    },
    [commit, minMs],
  );

  /** Renders the pending value now, for changes the user caused and expects to see at once. */
  const set = useCallback((fn: (prev: T) => T) => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = fn(pending.current);
    setValue(pending.current);
  }, []);

  useEffect(() => () => void (timer.current !== null && clearTimeout(timer.current)), []);
  return { value, update, set };
}
