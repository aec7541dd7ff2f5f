"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";

/**
 * The header's menu on a narrow screen, as a disclosure: a button toggles it; it closes when the page
 * changes, on Escape (focus back on the button, so the keyboard user is not lost) and on a click outside.
 */
export function useMenu() {
  // Open on one page only: the menu is closed again as soon as the path changes, with no effect to run.
  const path = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === path;
  const setOpen = useCallback((next: boolean) => setOpenOn(next ? path : null), [path]);
  const button = useRef<HTMLButtonElement>(null);
  const area = useRef<HTMLElement>(null);
  const close = useCallback(() => setOpen(false), [setOpen]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !area.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open, setOpen]);

  return { open, toggle: () => setOpen(!open), close, button, area };
}
