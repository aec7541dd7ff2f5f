/**
 * Why a producer's send is being retried, as kafkajs logs it. An idempotent producer retries a retriable
 * error (NOT_ENOUGH_REPLICAS while too few replicas are in sync, a leader moving) for as long as it takes,
 * so its send neither fails nor says why it waits: its log line is the only place the reason shows.
 * Pure: kafkajs' own error table is passed in.
 */
export interface SendError {
  /** Kafka's error name (NOT_ENOUGH_REPLICAS, …) when the message is one of Kafka's errors, else null. */
  type: string | null;
  message: string;
}

const FAILED_TO_SEND = "Failed to send messages: ";

export function sendErrorOf(namespace: string, label: string, message: string, known: readonly { type: string; message: string }[]): SendError | null {
  if (namespace !== "Producer" || label !== "ERROR") return null;
  const reason = message.startsWith(FAILED_TO_SEND) ? message.slice(FAILED_TO_SEND.length) : message;
  return { type: known.find((k) => k.message === reason)?.type ?? null, message: reason };
}
