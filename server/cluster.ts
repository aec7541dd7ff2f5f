import { shapeClusterView } from "@/lib/cluster/state";
import type { BrokerActionAnswer, ClusterView } from "@/lib/contract/cluster";
import type { BrokerState } from "@/lib/contract/api";
import type { ClusterReader } from "@/kafka/adapter";
import { HttpError } from "./http/respond";

export type BrokerAction = BrokerActionAnswer["action"];

/** Per-node control of the lab's own brokers (the cluster launcher); absent with one node or an external cluster. */
export interface NodeControl {
  /** The node ids the lab runs. */
  nodeIds(): number[];
  /** SIGKILL the node's JVM: no controlled shutdown, its partitions' leadership moves only when the controller fences it. */
  kill(id: number): Promise<void>;
  /** Stop it gracefully: a controlled shutdown moves its leaderships first. */
  stop(id: number): Promise<void>;
  start(id: number): Promise<void>;
}

export interface ClusterServiceDeps {
  reader: ClusterReader;
  mode: BrokerState["mode"];
  /** null with one embedded node or an external cluster. */
  nodes: () => NodeControl | null;
  clock?: () => number;
}

export const NOT_CLUSTER_MODE =
  "the lab runs one broker: start it with KAFKA_NODES=3 (three brokers) to kill, stop and start brokers one by one; the Cluster page shows how";
export const EXTERNAL_CLUSTER = "the cluster is external (KAFKA_BROKERS is set): stop and start its brokers where they run";

/** The Cluster view (GET /api/cluster, the `cluster:state` feed) and the per-broker experiment. */
export function createClusterService(deps: ClusterServiceDeps) {
  const clock = deps.clock ?? Date.now;
  const view = async (): Promise<ClusterView> => {
    const nodes = deps.nodes();
    const raw = await deps.reader.read();
    const mode = deps.mode === "external" ? "external" : nodes ? "cluster" : "single";
    return shapeClusterView(raw, { at: clock(), mode, controllable: nodes !== null, expected: nodes?.nodeIds() ?? [] });
  };
  return {
    view,
    /** Kill, stop or start one broker: 409 when the lab does not run its brokers one by one, 404 for an id it does not run. */
    async act(id: number, action: BrokerAction): Promise<BrokerActionAnswer> {
      if (deps.mode === "external") throw new HttpError(409, EXTERNAL_CLUSTER);
      const nodes = deps.nodes();
      if (!nodes) throw new HttpError(409, NOT_CLUSTER_MODE);
      const ids = nodes.nodeIds();
      if (!ids.includes(id)) throw new HttpError(404, `no broker ${id}: the lab runs brokers ${ids.join(", ")}`);
      await nodes[action](id);
      return { broker: id, action, cluster: await view().catch(() => null) };
    },
    close: () => deps.reader.disconnect(),
  };
}
export type ClusterService = ReturnType<typeof createClusterService>;
