"use client";

import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";

import type { DataProps } from "./table";

const overflows = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;

/**
 * A box that may scroll (a table on a phone, a list that outgrows its height). While its content is larger
 * than the box, it is a named, focusable region, so a keyboard user can reach it and scroll it with the arrow
 * keys and a screen reader says what it holds; while everything fits it is a plain box, not an extra tab stop.
 */
export function ScrollRegion({ label, className = "", children, ...data }: { label: string; className?: string; children: ReactNode } & DataProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  // Measured again whenever the content is rendered anew, before the browser paints: rows added by a render
  // make the box scroll at once, not only when the observers below report it a moment later.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) setScrolls(overflows(el));
  }, [children]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(overflows(el));
    const ro = new ResizeObserver(check);
    ro.observe(el);
    for (const child of el.children) ro.observe(child);
    // Rows added to a table change its size, which the observer sees; a new child element is seen here.
    const mo = new MutationObserver(() => {
      for (const child of el.children) ro.observe(child);
      check();
    });
    mo.observe(el, { childList: true });
    check();
    return () => {
      ro.disconnect();
      mo.disconnect();
    };
  }, []);
  return (
    <div
      ref={ref}
      // Relative: a visually hidden header (absolutely positioned) stays inside the box, not past the page's edge.
      className={`relative overflow-x-auto ${className}`}
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? "region" : undefined}
      aria-label={scrolls ? label : undefined}
      data-scrolls={scrolls}
      {...data}
    >
      {children}
    </div>
  );
}
