import { CircleCheck, CircleOff, Crown, Menu, Moon, Pause, Play, Plus, RefreshCw, SkipBack, Skull, Square, Sun, TriangleAlert, Undo2, X } from "lucide-react";

/**
 * Button icons as inline SVG: symbols like ⏮ or ☠ depend on the learner's fonts (⏮ showed as a
 * box on a machine without one) or turn into colour emoji; an SVG looks the same everywhere.
 * Decorative: the button's text says what it does.
 */
const ICONS = {
  play: Play,
  stop: Square,
  pause: Pause,
  rewind: SkipBack,
  kill: Skull,
  rebalance: RefreshCw,
  add: Plus,
  back: Undo2,
  sun: Sun,
  moon: Moon,
  menu: Menu,
  close: X,
  ok: CircleCheck,
  warning: TriangleAlert,
  offline: CircleOff,
  controller: Crown,
} as const;

export type IconName = keyof typeof ICONS;

export function Icon({ name, size = 14 }: { name: IconName; size?: number }) {
  const Svg = ICONS[name];
  return <Svg aria-hidden focusable={false} size={size} strokeWidth={2} className="shrink-0" />;
}
