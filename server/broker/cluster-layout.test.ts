import { describe, expect, it } from "vitest";
import { bootstrapOf, clusterLayout, lastPort, quorumVoters } from "./cluster-layout";

describe("the cluster's layout", () => {
  it("keeps one node on KAFKA_PORT and KAFKA_PORT+1, in the data dir itself", () => {
    expect(clusterLayout({ basePort: 9092, nodes: 1, dataDir: "/lab/kafka-data" })).toEqual([
      { id: 1, port: 9092, controllerPort: 9093, dataDir: "/lab/kafka-data" },
    ]);
    expect(lastPort(9092, 1)).toBe(9093);
  });

  it("gives node i of three the broker port KAFKA_PORT+2(i-1), its controller one above, and a data dir of its own", () => {
    const layout = clusterLayout({ basePort: 9092, nodes: 3, dataDir: "/lab/kafka-cluster" });
    expect(layout.map((n) => [n.id, n.port, n.controllerPort, n.dataDir])).toEqual([
      [1, 9092, 9093, "/lab/kafka-cluster/node-1"],
      [2, 9094, 9095, "/lab/kafka-cluster/node-2"],
      [3, 9096, 9097, "/lab/kafka-cluster/node-3"],
    ]);
    expect(lastPort(9092, 3)).toBe(9097);
  });

  it("makes every node a quorum voter and every broker a bootstrap address", () => {
    const layout = clusterLayout({ basePort: 19110, nodes: 3, dataDir: "/d" });
    expect(quorumVoters(layout)).toBe("1@127.0.0.1:19111,2@127.0.0.1:19113,3@127.0.0.1:19115");
    expect(bootstrapOf(layout)).toBe("127.0.0.1:19110,127.0.0.1:19112,127.0.0.1:19114");
  });
});
