import { S3ConnectionSettings } from '../lib/s3-blob-store';

/** The local MinIO of deploy/local/minio.sh (same defaults; S3_* variables override). */
export function localMinio(env: NodeJS.ProcessEnv = process.env): S3ConnectionSettings {
  return {
    endpoint: env['S3_ENDPOINT'] ?? `http://127.0.0.1:${env['YRD_MINIO_PORT'] ?? '19000'}`,
    region: env['S3_REGION'] ?? 'us-east-1',
    accessKeyId: env['S3_ACCESS_KEY_ID'] ?? env['YRD_MINIO_ROOT_USER'] ?? 'yrdminio',
    secretAccessKey: env['S3_SECRET_ACCESS_KEY'] ?? env['YRD_MINIO_ROOT_PASSWORD'] ?? 'yrdminio-local-secret',
    forcePathStyle: true,
  };
}
