import { useEffect, useState } from "react";
import type { ComponentName } from "@/lib/contract/api";
import type { GroupView } from "@/lib/contract/experiments";
import { fetchGroup } from "./api";

/** The worker's consumer group, polled every second while `active` (e.g. while the worker is stopped). */
export function useGroup(name: ComponentName, active: boolean): GroupView | null {
  const [group, setGroup] = useState<GroupView | null>(null);
  useEffect(() => {
    if (!active) {
      setGroup(null);
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const g = await fetchGroup(name).catch(() => null);
      if (!live) return;
      setGroup(g);
      timer = setTimeout(() => void poll(), 1000);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [name, active]);
  return group;
}
