/** What the browser can check on its own: the file's SHA-256 and size against the receipt's log entry. */
export interface LocalCheck {
  ok: boolean;
  sha256: string;
  expectedSha256: string | null;
  size: number;
  expectedSize: number | null;
  entryId: string | null;
}

export async function sha256Hex(data: Blob): Promise<string> {
  // A view on the bytes: digest() accepts it whichever realm the Blob's buffer came from (jsdom in tests).
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(await data.arrayBuffer()));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Throws with a readable reason when the text is not a notary receipt. */
export function parseReceipt(text: string): { entry: { entryId: string; sha256: string; size: number } } & Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('the receipt is not JSON');
  }
  const entry = (json as { entry?: { entryId?: unknown; sha256?: unknown; size?: unknown } } | null)?.entry;
  if (!entry || typeof entry.sha256 !== 'string' || typeof entry.entryId !== 'string') throw new Error('the receipt has no log entry (entry.entryId, entry.sha256)');
  return json as ReturnType<typeof parseReceipt>;
}

export function compareWithReceipt(receipt: ReturnType<typeof parseReceipt>, sha256: string, size: number): LocalCheck {
  const expectedSha256 = receipt.entry.sha256.toLowerCase();
  const expectedSize = typeof receipt.entry.size === 'number' ? receipt.entry.size : null;
  return {
    ok: expectedSha256 === sha256 && (expectedSize === null || expectedSize === size),
    sha256,
    expectedSha256,
    size,
    expectedSize,
    entryId: receipt.entry.entryId,
  };
}
