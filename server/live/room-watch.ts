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
