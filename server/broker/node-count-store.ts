import fs from "node:fs";
import path from "node:path";
import { NodeCount } from "@/lib/contract/api";

/** The node count chosen on the broker card, kept in the data folder so the next start runs the same broker side. */
export function createNodeCountStore(dataDir: string | null) {
  const file = dataDir ? path.join(dataDir, "broker-nodes.json") : null;
  return {
    /** The saved count, or null when none was saved (or the file is unreadable). */
    get(): NodeCount | null {
      if (!file || !fs.existsSync(file)) return null;
      try {
        const parsed = NodeCount.safeParse((JSON.parse(fs.readFileSync(file, "utf8")) as { nodes?: unknown }).nodes);
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    set(nodes: NodeCount): void {
      if (!file) return;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ nodes }));
    },
  };
}
export type NodeCountStore = ReturnType<typeof createNodeCountStore>;
