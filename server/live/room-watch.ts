import type { Server } from "socket.io";

/**
 * Calls `open` when the first socket joins a room with this prefix and `close` when the last
 * one leaves, so a feed runs only while someone looks at it.
 */
export function watchRooms(io: Server, prefix: string, open: (name: string) => void, close: (name: string) => void) {
  const adapter = io.of("/").adapter;
  const onCreate = (room: unknown) => {
    if (typeof room === "string" && room.startsWith(prefix)) open(room.slice(prefix.length));
  };
  const onDelete = (room: unknown) => {
    if (typeof room === "string" && room.startsWith(prefix)) close(room.slice(prefix.length));
  };
  adapter.on("create-room", onCreate);
  adapter.on("delete-room", onDelete);
  return () => {
    adapter.off("create-room", onCreate);
    adapter.off("delete-room", onDelete);
  };
}

/** A feed that exists only while its one room has members: made on the first join, closed on the last leave. */
export function roomScopedFeed(io: Server, room: string, make: () => { open(): void; close(): Promise<void> | void }) {
  let feed: ReturnType<typeof make> | null = null;
  const unwatch = watchRooms(
    io,
    room,
    () => {
      if (feed) return;
      feed = make();
      feed.open();
    },
    () => {
      void feed?.close();
      feed = null;
    },
  );
  return {
    async close() {
      unwatch();
      await feed?.close();
      feed = null;
    },
  };
}
