import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { acceptBlob } from './accept-blob';
import { BlobNotFoundError } from './blob-errors';
import { BlobInspector } from './blob-inspector';
import { BlobStore, PutOptions, StoredBlob, blobKey } from './blob-store';

/**
 * Blobs as files under `<root>/sha256/<hex>`. Each upload streams into `<root>/tmp/` while it
 * is hashed, is fsynced on close, and is renamed into place only when accepted: rename is atomic on one
 * filesystem, so a reader never sees a partial blob and a crash leaves only a temp file.
 */
export class LocalBlobStore implements BlobStore {
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = join(root, 'tmp');
  }

  async put(source: Readable, options: PutOptions = {}): Promise<StoredBlob> {
    await mkdir(this.tmpDir, { recursive: true });
    await mkdir(join(this.root, 'sha256'), { recursive: true });
    const tmp = join(this.tmpDir, `${randomUUID()}.part`);
    const inspector = new BlobInspector(options);
    try {
      // flush: fsync before close, so a blob that is renamed into place is on disk.
      await pipeline(source, inspector, createWriteStream(tmp, { flags: 'wx', mode: 0o640, flush: true }));
      const inspection = inspector.inspection();
      const accepted = acceptBlob(inspection, options);
      const key = blobKey(inspection.sha256);
      const created = !(await this.exists(inspection.sha256));
      if (created) await rename(tmp, this.pathOf(inspection.sha256));
      else await unlink(tmp);
      return { key, sha256: inspection.sha256, ...(inspection.sm3 ? { sm3: inspection.sm3 } : {}), size: inspection.size, ...accepted, created };
    } catch (error) {
      source.destroy();
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable> {
    if (!(await this.exists(sha256))) throw new BlobNotFoundError(sha256);
    return createReadStream(this.pathOf(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    const path = this.pathOf(sha256);
    try {
      await access(path);
      return true;
    } catch {
      return false;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  private pathOf(sha256: string): string {
    return join(this.root, blobKey(sha256));
  }
}
