import path from "node:path";

export const LOOPBACK = "127.0.0.1";

export interface NodeLayout {
  /** KRaft node.id, from 1. */
  id: number;
  /** Broker (PLAINTEXT) port. */
  port: number;
  controllerPort: number;
  dataDir: string;
}

/**
 * Where each node listens and keeps its data. Node i (from 1) takes the broker port KAFKA_PORT + 2(i-1) and the
 * controller port one above it: one node keeps KAFKA_PORT and KAFKA_PORT+1, three use KAFKA_PORT … KAFKA_PORT+5.
 * One node keeps `dataDir` itself (the single broker's storage stays where it always was); three get
 * `dataDir/node-<i>` each.
 */
export function clusterLayout(o: { basePort: number; nodes: number; dataDir: string }): NodeLayout[] {
  return Array.from({ length: o.nodes }, (_, i) => ({
    id: i + 1,
    port: o.basePort + 2 * i,
    controllerPort: o.basePort + 2 * i + 1,
    dataDir: o.nodes === 1 ? o.dataDir : path.join(o.dataDir, `node-${i + 1}`),
  }));
}

/** The highest port a layout of `nodes` from `basePort` uses. */
export const lastPort = (basePort: number, nodes: number) => basePort + 2 * nodes - 1;

/** KRaft's static quorum: every node is a controller voter, `id@host:controllerPort` each. */
export const quorumVoters = (layout: NodeLayout[]) => layout.map((n) => `${n.id}@${LOOPBACK}:${n.controllerPort}`).join(",");

/** Every node's broker address: a client that finds one down asks the next. */
export const bootstrapOf = (layout: NodeLayout[]) => layout.map((n) => `${LOOPBACK}:${n.port}`).join(",");
