/**
 * The lab's one error family. Every error we raise says whether trying again can help (`retriable`,
 * the same flag kafkajs's errors carry, read by lib/retry.ts) and, when a request caused it, the HTTP
 * status it answers with (server/http/respond.ts turns it into `{ error }`).
 */
export interface LabErrorInit {
  /** 4xx when the request itself is at fault: answered with this status and the message. */
  status?: number;
  retriable?: boolean;
  cause?: unknown;
}

export class LabError extends Error {
  /**
   * Marks the family without `instanceof`: a route handler runs in Next.js's bundle, with its own copy of
   * this module, while the errors it catches come from the server's objects, built from the other copy.
   */
  readonly labError = true;
  readonly status: number | undefined;
  readonly retriable: boolean;

  constructor(message: string, init: LabErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.retriable = init.retriable ?? false;
  }
}

/** A request the lab refuses: bad input (400), unknown thing (404), wrong moment (409), too large (413)… */
export class RequestError extends LabError {
  declare readonly status: number;

  constructor(status: number, message: string) {
    super(message, { status });
  }
}

/** One of ours, whichever copy of this module made it. */
export const isLabError = (err: unknown): err is LabError => typeof err === "object" && err !== null && (err as { labError?: unknown }).labError === true;

/** The status a request's error answers with, if it is one of ours and says so. */
export const requestStatus = (err: unknown): number | undefined =>
  isLabError(err) && typeof err.status === "number" && err.status >= 400 && err.status < 500 ? err.status : undefined;
