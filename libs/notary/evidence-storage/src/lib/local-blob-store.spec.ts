import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { BlobNotFoundError, BlobRejectedError } from './blob-errors';
import { LocalBlobStore } from './local-blob-store';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');

describe('LocalBlobStore', () => {
  let root: string;
  let store: LocalBlobStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'yrd-blobs-'));
    store = new LocalBlobStore(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const tmpFiles = () => readdir(join(root, 'tmp'));

  it('stores content under its SHA-256 address and streams it back', async () => {
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    const stored = await store.put(Readable.from([PDF]), { declaredMediaType: 'application/pdf' });
    expect(stored).toEqual({ key: `sha256/${sha256}`, sha256, size: PDF.length, sniffedMediaType: 'application/pdf', created: true });
    expect(await store.exists(sha256)).toBe(true);
    expect(await text(await store.get(sha256))).toBe(PDF.toString());
    expect(await tmpFiles()).toEqual([]);
  });

  it('computes SM3 when asked (GB/T 32905 test vector "abc")', async () => {
    const stored = await store.put(Readable.from([Buffer.from('abc')]), { sm3: true });
    expect(stored.sm3).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('de-duplicates identical content', async () => {
    const first = await store.put(Readable.from([PDF]));
    const second = await store.put(Readable.from([PDF.subarray(0, 10), PDF.subarray(10)]));
    expect(second).toEqual({ ...first, created: false });
    expect(await readdir(join(root, 'sha256'))).toHaveLength(1);
  });

  it.each([
    ['an empty upload', Buffer.alloc(0), {}, 'empty'],
    ['content over the limit', Buffer.alloc(2048, 'a'), { maxBytes: 1024 }, 'too-large'],
    ['content contradicting its declared type', PDF, { declaredMediaType: 'image/jpeg' }, 'media-type-mismatch'],
  ])('rejects %s and stores nothing', async (_name, content, options, reason) => {
    const rejected = store.put(Readable.from(content.length ? [content] : []), options);
    await expect(rejected).rejects.toBeInstanceOf(BlobRejectedError);
    await expect(rejected).rejects.toMatchObject({ reason });
    expect(await tmpFiles()).toEqual([]);
    expect(await readdir(join(root, 'sha256'))).toEqual([]);
  });

  it('stops reading an oversized stream early instead of consuming it all', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 65536;
        this.push(Buffer.alloc(65536, 1));
      },
    });
    await expect(store.put(endless, { maxBytes: 1_000_000 })).rejects.toMatchObject({ reason: 'too-large' });
    expect(produced).toBeLessThan(2_000_000);
  });

  it('discards the temp file when the source fails midway', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.put(failing)).rejects.toThrow('client went away');
    expect(await tmpFiles()).toEqual([]);
  });

  it('reports a missing blob', async () => {
    await expect(store.get('0'.repeat(64))).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.get('../etc/passwd')).rejects.toThrow(RangeError);
  });

  it('deletes for tests', async () => {
    const stored = await store.put(Readable.from([PDF]));
    await store.delete(stored.sha256);
    expect(await store.exists(stored.sha256)).toBe(false);
  });
});
