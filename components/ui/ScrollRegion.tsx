"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A box that scrolls sideways when its content is wider than the screen (a table on a phone). While it
 * does, it is a named, focusable region, so a keyboard user can reach it and scroll it with the arrow keys;
 * while everything fits it is a plain box, not an extra tab stop.
 */
export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    const ro = new ResizeObserver(check);
    ro.observe(el);
    for (const child of el.children) ro.observe(child);
    check();
    return () => ro.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={`overflow-x-auto ${className}`}
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? "region" : undefined}
      aria-label={scrolls ? label : undefined}
      data-scrolls={scrolls}
    >
      {children}
    </div>
  );
}
