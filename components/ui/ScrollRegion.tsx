import type { ReactNode } from "react";

/**
 * A box that scrolls, reachable by keyboard: focusable (arrow keys then scroll it) and named,
 * so a screen reader announces what it holds. Scrolling boxes with no focusable content are
 * otherwise out of reach without a mouse.
 */
export function ScrollRegion({ label, className, children, ...data }: { label: string; className: string; children: ReactNode } & Record<`data-${string}`, string | number>) {
  return (
    <div role="region" tabIndex={0} aria-label={label} className={className} {...data}>
      {children}
    </div>
  );
}
