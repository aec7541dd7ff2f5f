import net from "node:net";
import { BrokerError } from "./errors";

export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function assertPortsFree(ports: { port: number; controllerPort: number }): Promise<void> {
  if (!(await isPortFree(ports.port))) throw portInUse(ports.port, "broker", ports.port + 10);
  if (!(await isPortFree(ports.controllerPort))) throw portInUse(ports.controllerPort, "controller", ports.port + 10);
}

function portInUse(port: number, role: string, suggestion: number): BrokerError {
  return new BrokerError({
    code: "PORT_IN_USE",
    message: `Port ${port} on 127.0.0.1 (Kafka ${role} port) is already in use, so the embedded broker cannot start.`,
    fix: `stop the process using port ${port} (see \`lsof -i :${port}\` or \`ss -ltnp | grep ${port}\`), or choose other ports with KAFKA_PORT=${suggestion} (the controller uses KAFKA_PORT+1)`,
    retriable: true,
  });
}
