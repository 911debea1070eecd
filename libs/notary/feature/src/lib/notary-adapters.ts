import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LocalBlobStore, S3BlobStore, createS3Client, type BlobStore } from '@yrd/evidence-storage';
import { TreeHeadSigner } from '@yrd/merkle';
import { OpensslTimeStampAuthority, ensureLocalTsaChain, loadTsaChain } from '@yrd/tsa';
import { NotaryConfig } from './notary.config';

/** The configured blob store: a local directory (default) or S3-compatible storage. */
export async function createBlobStore(c: NotaryConfig): Promise<BlobStore> {
  if (c.NOTARY_STORAGE === 'local') return new LocalBlobStore(join(c.NOTARY_DATA_DIR, 'blobs'));
  const client = createS3Client({
    endpoint: c.S3_ENDPOINT,
    region: c.S3_REGION,
    accessKeyId: c.S3_ACCESS_KEY_ID as string,
    secretAccessKey: c.S3_SECRET_ACCESS_KEY as string,
    forcePathStyle: c.S3_FORCE_PATH_STYLE,
  });
  const store = new S3BlobStore(client, { bucket: c.S3_BUCKET, prefix: c.S3_PREFIX });
  await store.ensureBucket();
  return store;
}

/** The configured TSA chain, or a local one generated once under the data dir. */
export async function createTimeStampAuthority(c: NotaryConfig): Promise<OpensslTimeStampAuthority> {
  const chain = c.NOTARY_TSA_CERT
    ? await loadTsaChain({ caCertPath: c.NOTARY_TSA_CA_CERT as string, tsaCertPath: c.NOTARY_TSA_CERT, tsaKeyPath: c.NOTARY_TSA_KEY as string, chainPath: c.NOTARY_TSA_CHAIN })
    : await ensureLocalTsaChain(join(c.NOTARY_DATA_DIR, 'tsa'));
  return new OpensslTimeStampAuthority(chain, c.NOTARY_TSA_POLICY ? { policy: c.NOTARY_TSA_POLICY } : {});
}

/** The Ed25519 tree-head key from its file, generated (0600) on first start when absent. */
export async function loadTreeHeadSigner(c: NotaryConfig): Promise<TreeHeadSigner> {
  const file = c.NOTARY_TREE_HEAD_KEY_FILE ?? join(c.NOTARY_DATA_DIR, 'tree-head-ed25519.pem');
  try {
    await access(file);
    return TreeHeadSigner.fromPem(await readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || c.NOTARY_TREE_HEAD_KEY_FILE) throw e;
  }
  const signer = TreeHeadSigner.generate();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, signer.privateKeyPem(), { mode: 0o600, flag: 'wx' });
  return signer;
}
