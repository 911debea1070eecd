/** Hashes travel as lower-case hex in JSON and as bytes in code; verifiers accept either. */
export type BytesLike = Uint8Array | string;

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

export function toBytes(value: BytesLike): Buffer {
  if (typeof value !== 'string') return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (!HEX.test(value)) throw new Error('not a hex string');
  return Buffer.from(value, 'hex');
}

export function toHex(value: Uint8Array): string {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
}

/** Constant-time equality of two byte strings of any length. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
