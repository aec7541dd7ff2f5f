import { useEffect, useState } from "react";
import type { ComponentName } from "@/lib/contract/api";
import type { GroupView } from "@/lib/contract/experiments";
import { fetchGroup } from "./api";

/** The worker's consumer group, polled every second while `active` (e.g. while the worker is stopped). */
export function useGroup(name: ComponentName, active: boolean): GroupView | null {
  // Kept with the worker it belongs to: another worker, or an inactive poll, shows nothing until its first answer.
  const [polled, setPolled] = useState<{ name: ComponentName; group: GroupView | null } | null>(null);
  useEffect(() => {
    if (!active) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const g = await fetchGroup(name).catch(() => null);
      if (!live) return;
      setPolled({ name, group: g });
      timer = setTimeout(() => void poll(), 1000);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [name, active]);
  return active && polled?.name === name ? polled.group : null;
}
