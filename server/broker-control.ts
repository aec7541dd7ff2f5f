import { startEmbeddedBroker, type EmbeddedBroker, type EmbeddedBrokerOptions } from "./broker";

export class BrokerControlError extends Error {
  readonly status = 409;
}

/**
 * Stop and start the embedded broker while the lab runs (the broker-restart experiment).
 * With an external cluster there is nothing here to control.
 */
export function createBrokerControl(options: EmbeddedBrokerOptions | null, initial: EmbeddedBroker | null) {
  let broker = initial;
  let busy: Promise<void> | null = null;
  const once = (work: () => Promise<void>) => {
    if (!options) return Promise.reject(new BrokerControlError("the broker is external (KAFKA_BROKERS is set): stop and start it where it runs"));
    busy ??= work().finally(() => {
      busy = null;
    });
    return busy;
  };
  return {
    embedded: options !== null,
    running: () => broker !== null,
    current: () => broker,
    stop: () =>
      once(async () => {
        await broker?.stop();
        broker = null;
      }),
    start: () =>
      once(async () => {
        if (!broker) broker = await startEmbeddedBroker(options!);
      }),
  };
}
export type BrokerControl = ReturnType<typeof createBrokerControl>;
