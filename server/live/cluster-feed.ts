import type { Server } from "socket.io";
import { rooms } from "@/lib/contract/socket";
import type { ClusterView } from "@/lib/contract/cluster";
import { roomScopedFeed } from "./room-watch";

export interface ClusterFeedDeps {
  io: Server;
  view: () => Promise<ClusterView>;
  intervalMs?: number;
}

/**
 * The cluster's state (`cluster:state`) about once a second while a Cluster page is open: one read at
 * a time, so reads never pile up behind a broker that does not answer; a failed read sends nothing
 * (the connection banner says when no broker answers at all).
 */
export function createClusterFeed(deps: ClusterFeedDeps) {
  return roomScopedFeed(deps.io, rooms.cluster, () => {
    let timer: NodeJS.Timeout | null = null;
    let reading = false;
    let closed = false;
    const send = async () => {
      if (reading || closed) return;
      reading = true;
      try {
        const view = await deps.view();
        if (!closed) deps.io.to(rooms.cluster).emit("cluster:state", view);
      } catch {
        // No broker answered; the next tick asks again.
      } finally {
        reading = false;
      }
    };
    return {
      open() {
        timer = setInterval(() => void send(), deps.intervalMs ?? 1_000);
        void send();
      },
      close() {
        closed = true;
        if (timer) clearInterval(timer);
      },
    };
  });
}
