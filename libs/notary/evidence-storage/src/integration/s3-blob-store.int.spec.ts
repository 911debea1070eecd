import { createHash } from 'node:crypto';
import { DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { BlobNotFoundError, BlobRejectedError } from '../lib/blob-errors';
import { S3BlobStore, createS3Client } from '../lib/s3-blob-store';
import { generatedContent, peakRssGrowth } from '../testing/generated-content';
import { localMinio } from '../testing/minio-settings';

jest.setTimeout(300_000);

const LARGE = Number(process.env['YRD_LARGE_BLOB_MB'] ?? 1025) * 1024 * 1024;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);

describe('S3BlobStore against a real local MinIO (deploy/local/minio.sh up)', () => {
  const settings = localMinio();
  const bucket = `yrd-test-${Date.now().toString(36)}`;
  let client: S3Client;
  let store: S3BlobStore;

  beforeAll(async () => {
    const health = await fetch(`${settings.endpoint}/minio/health/live`).catch(() => undefined);
    if (!health?.ok) throw new Error(`MinIO is not answering at ${settings.endpoint}: run \`bash deploy/local/minio.sh up\``);
    client = createS3Client(settings);
    store = new S3BlobStore(client, { bucket, prefix: 'evidence/' });
    await store.ensureBucket();
  });

  afterAll(async () => {
    const keys = await listKeys('');
    for (const key of keys) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
    client.destroy();
  });

  async function listKeys(prefix: string): Promise<string[]> {
    const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    return (out.Contents ?? []).map((o) => o.Key as string);
  }

  it('stores under the content address, streams back, de-duplicates and leaves no temp object', async () => {
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    const stored = await store.put(Readable.from([PNG]), { declaredMediaType: 'image/png', sm3: true });
    expect(stored).toMatchObject({ key: `sha256/${sha256}`, sha256, size: PNG.length, sniffedMediaType: 'image/png', created: true });
    expect(stored.sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(await buffer(await store.get(sha256))).toEqual(PNG);
    expect(await store.put(Readable.from([PNG]))).toMatchObject({ sha256, created: false });
    expect(await listKeys('evidence/')).toEqual([`evidence/sha256/${sha256}`]);
  });

  it.each([
    ['empty', Buffer.alloc(0), {}],
    ['too-large', Buffer.alloc(4096, 'x'), { maxBytes: 1000 }],
    ['media-type-mismatch', PNG, { declaredMediaType: 'application/pdf' }],
  ])('rejects %s content and stores nothing', async (reason, content, options) => {
    const before = await listKeys('evidence/');
    await expect(store.put(Readable.from(content.length ? [content] : []), options)).rejects.toMatchObject({ reason });
    expect(await listKeys('evidence/')).toEqual(before);
  });

  it('reports a missing blob', async () => {
    await expect(store.get('1'.repeat(64))).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await store.exists('1'.repeat(64))).toBe(false);
  });

  it(`streams a ${(LARGE / 2 ** 20).toFixed(0)} MiB file by multipart upload with bounded memory`, async () => {
    const content = generatedContent(LARGE);
    const { result: stored, growthBytes } = await peakRssGrowth(() => store.put(content.stream));
    console.info(`S3 put of ${LARGE} bytes: peak RSS growth ${(growthBytes / 2 ** 20).toFixed(1)} MiB`);
    expect(stored).toMatchObject({ sha256: content.sha256(), size: LARGE, created: true });
    expect(growthBytes).toBeLessThan(200 * 1024 * 1024);
    // Read it back and hash it as a verifier would.
    const hash = createHash('sha256');
    for await (const chunk of await store.get(stored.sha256)) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(stored.sha256);
    await store.delete(stored.sha256);
    expect(await store.exists(stored.sha256)).toBe(false);
  });

  it('is a BlobRejectedError a caller can map to 4xx', async () => {
    await expect(store.put(Readable.from([]))).rejects.toBeInstanceOf(BlobRejectedError);
  });
});
