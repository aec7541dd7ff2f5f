/**
 * Sending a request kafkajs has no call for (OffsetFetch v7, DescribeLogDirs, DescribeQuorum) through
 * one of its internal Broker connections: we encode the body and decode the answer ourselves
 * (offset-fetch.ts, log-dirs.ts, quorum.ts); kafkajs frames it and matches the correlation id.
 */
export type SendRequest = (r: {
  request: { apiKey: number; apiVersion: number; apiName: string; encode(): Promise<{ buf: Buffer; buffer: Buffer }> };
  response: { decode(payload: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
}) => Promise<unknown>;

export interface ApiDef {
  apiKey: number;
  apiVersion: number;
  apiName: string;
}

export function sendRequestOf(broker: object): SendRequest {
  const key = Object.getOwnPropertySymbols(Object.getPrototypeOf(broker)).find((s) => s.description === "private:Broker:sendRequest");
  if (!key) throw new Error("this kafkajs version has no internal sendRequest: cannot send a request it lacks");
  const send = (broker as Record<symbol, SendRequest>)[key]!;
  return (r) => send.call(broker, r);
}

/** Send `body` (already encoded, header tags included) as `api` and decode the answer with `decode`. */
export async function sendRaw<T>(send: SendRequest, api: ApiDef, body: Buffer, decode: (payload: Buffer) => T): Promise<T> {
  return (await send({
    request: { ...api, encode: async () => ({ buf: body, buffer: body }) },
    response: { decode: async (payload) => decode(payload), parse: async (data) => data },
  })) as T;
}
