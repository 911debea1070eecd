/** Kafka headers as a client hands them over (kafkajs `IHeaders`), without importing the client. */
export type RawHeaders = Record<string, Buffer | string | Array<Buffer | string> | undefined>;

/** One message read from an event topic. */
export interface LogMessage {
  topic: string;
  partition: number;
  offset: number;
  key: Buffer | string | null;
  value: Buffer | null;
  headers?: RawHeaders;
}

export function headerValue(headers: RawHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  if (v === undefined) return undefined;
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
}
