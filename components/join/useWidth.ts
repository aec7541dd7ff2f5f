import { useEffect, useRef, useState } from "react";

/** Narrow enough for the card on a 320 px phone: a wider drawing would push the page sideways. */
const MIN_WIDTH = 240;

export function useWidth<T extends HTMLElement>(initial = 900) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.max(MIN_WIDTH, entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}
