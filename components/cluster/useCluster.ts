import type { ClusterView } from "@/lib/contract/cluster";
import { useFeed } from "@/components/live/useFeed";

/** The cluster as the server reads it about once a second, while mounted (null until the first push). */
export function useCluster(): ClusterView | null {
  return useFeed<ClusterView | null>(
    { join: "cluster:subscribe", payload: {}, leave: "cluster:unsubscribe" },
    { "cluster:state": (_, view) => view },
    () => null,
    250,
  ).value;
}
