import net from "node:net";
import { BrokerError } from "./errors";

export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export interface NodePorts {
  port: number;
  controllerPort: number;
  /** Set for a cluster's node: the error names it. */
  nodeId?: number;
  /** Ports from KAFKA_PORT the whole broker side uses (2 for one node, 6 for three): a suggested KAFKA_PORT clears them. */
  span?: number;
}

export async function assertPortsFree(ports: NodePorts): Promise<void> {
  if (!(await isPortFree(ports.port))) throw portInUse(ports, ports.port, "broker");
  if (!(await isPortFree(ports.controllerPort))) throw portInUse(ports, ports.controllerPort, "controller");
}

function portInUse(ports: NodePorts, port: number, role: string): BrokerError {
  const of = ports.nodeId === undefined ? `Kafka ${role} port` : `Kafka ${role} port of node ${ports.nodeId}`;
  const base = ports.nodeId === undefined ? ports.port : ports.port - 2 * (ports.nodeId - 1);
  const span = ports.span ?? 2;
  const layout = span > 2 ? `KAFKA_PORT to KAFKA_PORT+${span - 1}` : "the controller uses KAFKA_PORT+1";
  return new BrokerError({
    code: "PORT_IN_USE",
    message: `Port ${port} on 127.0.0.1 (${of}) is already in use, so the embedded broker cannot start.`,
    fix: `stop the process using port ${port} (see \`lsof -i :${port}\` or \`ss -ltnp | grep ${port}\`), or choose other ports with KAFKA_PORT=${base + 10} (${layout})`,
    retriable: true,
  });
}
