import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { acceptBlob } from './accept-blob';
import { BlobNotFoundError } from './blob-errors';
import { BlobInspector } from './blob-inspector';
import { BlobStore, PutOptions, StoredBlob, blobKey } from './blob-store';

export interface S3BlobStoreOptions {
  bucket: string;
  /** Key prefix inside the bucket, e.g. `evidence/`. */
  prefix?: string;
  /** Multipart part size; memory used is about partSize × queueSize. */
  partSize?: number;
  queueSize?: number;
}

export interface S3ConnectionSettings {
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** MinIO and most S3-compatible servers need path-style addressing. */
  forcePathStyle?: boolean;
}

/** One CopyObject copies at most 5 GiB; beyond that S3 needs a multipart copy. */
const MAX_SINGLE_COPY = 5 * 1024 ** 3;

export function createS3Client(settings: S3ConnectionSettings): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle ?? true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
}

/**
 * Blobs as S3 objects under `<prefix>sha256/<hex>`. The address is only known once the content
 * has been hashed, so the stream goes by multipart upload to `<prefix>tmp/<uuid>` while it is
 * hashed, then is copied server-side to its address (if not already there) and the temp object
 * deleted. A crash leaves only temp objects: expire `<prefix>tmp/` with a bucket lifecycle rule.
 */
export class S3BlobStore implements BlobStore {
  private readonly prefix: string;

  constructor(
    private readonly client: S3Client,
    private readonly options: S3BlobStoreOptions,
  ) {
    this.prefix = options.prefix ?? '';
  }

  /** Creates the bucket when missing (local MinIO; production buckets are provisioned). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.client.send(new CreateBucketCommand({ Bucket: this.options.bucket }));
    }
  }

  async put(source: Readable, options: PutOptions = {}): Promise<StoredBlob> {
    if (options.maxBytes !== undefined && options.maxBytes > MAX_SINGLE_COPY) {
      throw new RangeError('the S3 adapter stores blobs of at most 5 GiB (single CopyObject)');
    }
    const inspector = new BlobInspector(options);
    const tmpKey = `${this.prefix}tmp/${randomUUID()}`;
    source.on('error', (e) => inspector.destroy(e));
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: tmpKey, Body: source.pipe(inspector) },
      partSize: this.options.partSize ?? 8 * 1024 * 1024,
      queueSize: this.options.queueSize ?? 2,
      leavePartsOnError: false,
    });
    let uploaded = false;
    try {
      await upload.done();
      uploaded = true;
      const inspection = inspector.inspection();
      const accepted = acceptBlob(inspection, options);
      const key = blobKey(inspection.sha256);
      const created = !(await this.exists(inspection.sha256));
      if (created) {
        await this.client.send(
          new CopyObjectCommand({
            Bucket: this.options.bucket,
            Key: this.prefix + key,
            CopySource: `${this.options.bucket}/${tmpKey}`,
            MetadataDirective: 'REPLACE',
            Metadata: { sha256: inspection.sha256, ...(inspection.sm3 ? { sm3: inspection.sm3 } : {}) },
          }),
        );
      }
      return { key, sha256: inspection.sha256, ...(inspection.sm3 ? { sm3: inspection.sm3 } : {}), size: inspection.size, ...accepted, created };
    } catch (error) {
      source.destroy();
      if (!uploaded) await upload.abort().catch(() => undefined);
      throw unwrapRejection(error, inspector);
    } finally {
      if (uploaded) await this.deleteKey(tmpKey).catch(() => undefined);
    }
  }

  async get(sha256: string): Promise<Readable> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + blobKey(sha256) }));
      return out.Body as Readable;
    } catch (error) {
      if (isNotFound(error)) throw new BlobNotFoundError(sha256);
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + blobKey(sha256) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await this.deleteKey(this.prefix + blobKey(sha256));
  }

  private async deleteKey(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey');
}

/** lib-storage may wrap the stream's own error; surface the BlobRejectedError the inspector raised. */
function unwrapRejection(error: unknown, inspector: BlobInspector): unknown {
  return inspector.errored ?? error;
}
