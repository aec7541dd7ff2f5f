import { LabError } from "@/lib/errors";
export type BrokerErrorCode =
  | "JAVA_MISSING"
  | "JAVA_TOO_OLD"
  | "MAVEN_MISSING"
  | "DOWNLOAD_FAILED"
  | "PORT_IN_USE"
  | "DATA_DIR_IN_USE"
  | "FORMAT_FAILED"
  | "START_FAILED"
  | "READY_TIMEOUT";

export interface BrokerErrorInit {
  code: BrokerErrorCode;
  message: string;
  fix: string;
  retriable?: boolean;
  cause?: unknown;
}

/** A launcher failure a person can act on: `fix` says what to do about it. */
export class BrokerError extends LabError {
  readonly code: BrokerErrorCode;
  readonly fix: string;

  constructor(init: BrokerErrorInit) {
    super(`${init.message}\nFix: ${init.fix}`, { cause: init.cause, retriable: init.retriable });
    this.code = init.code;
    this.fix = init.fix;
  }
}

export const isBrokerError = (e: unknown): e is BrokerError => e instanceof BrokerError;

export const USE_EXTERNAL_HINT = "or set KAFKA_BROKERS=host:port to use an existing Kafka cluster";
