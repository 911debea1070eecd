import { X509Certificate, randomBytes } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openssl } from './openssl';

/** Where the TSA's signing material lives on disk (openssl reads the files directly). */
export interface TsaChainFiles {
  /** The trust anchor verifiers are given (`openssl ts -verify -CAfile`). */
  caCertPath: string;
  /** The TSA certificate: critical extendedKeyUsage timeStamping. */
  tsaCertPath: string;
  tsaKeyPath: string;
  /** Intermediate certificates between the TSA certificate and the CA, if any (PEM bundle). */
  chainPath?: string;
}

export interface TsaChain extends TsaChainFiles {
  caCertPem: string;
  tsaCertPem: string;
  tsaCertificate: X509Certificate;
}

export interface LocalChainOptions {
  organization?: string;
  caDays?: number;
  tsaDays?: number;
}

const LOCAL_FILES = { caCert: 'ca.pem', caKey: 'ca.key', tsaCert: 'tsa.pem', tsaKey: 'tsa.key' } as const;

// The TSA certificate profile RFC 3161 §2.3 requires: the only extended key usage is
// timeStamping, and it is critical.
const TSA_EXTENSIONS = `[tsa_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
`;

/**
 * Loads the local CA + TSA chain from `dir`, generating it with the openssl CLI on first use.
 * For local runs and tests only: production configures a real chain with `loadTsaChain`.
 */
export async function ensureLocalTsaChain(dir: string, options: LocalChainOptions = {}): Promise<TsaChain> {
  const files: TsaChainFiles = { caCertPath: join(dir, LOCAL_FILES.caCert), tsaCertPath: join(dir, LOCAL_FILES.tsaCert), tsaKeyPath: join(dir, LOCAL_FILES.tsaKey) };
  if (!(await exists(files.tsaCertPath))) await generateLocalChain(dir, options);
  return loadTsaChain(files);
}

/** Loads a chain from files and checks it is usable for time-stamping. */
export async function loadTsaChain(files: TsaChainFiles): Promise<TsaChain> {
  const [caCertPem, tsaCertPem] = await Promise.all([readFile(files.caCertPath, 'utf8'), readFile(files.tsaCertPath, 'utf8')]);
  await access(files.tsaKeyPath);
  const tsaCertificate = new X509Certificate(tsaCertPem);
  const eku = tsaCertificate.keyUsage ?? [];
  if (!eku.includes('1.3.6.1.5.5.7.3.8')) throw new Error(`${files.tsaCertPath} lacks the timeStamping extended key usage`);
  if (!files.chainPath && !tsaCertificate.checkIssued(new X509Certificate(caCertPem))) {
    throw new Error(`${files.tsaCertPath} is not issued by ${files.caCertPath}; configure chainPath for intermediates`);
  }
  return { ...files, caCertPem, tsaCertPem, tsaCertificate };
}

async function generateLocalChain(dir: string, options: LocalChainOptions): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Generate in a scratch folder and move the files in at the end, so a crash never leaves
  // a half-made chain that looks complete (tsa.pem, checked first, moves last).
  const work = await mkdtemp(join(dir, '.gen-'));
  try {
    const org = options.organization ?? 'YRD Evidence Notary (local)';
    await writeFile(join(work, 'tsa-ext.cnf'), TSA_EXTENSIONS);
    await openssl(
      ['req', '-x509', '-new', '-newkey', 'rsa:3072', '-nodes', '-sha256', '-days', String(options.caDays ?? 3650),
        '-keyout', LOCAL_FILES.caKey, '-out', LOCAL_FILES.caCert, '-subj', `/C=CN/O=${org}/CN=YRD Notary Local Root CA`,
        '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
        '-addext', 'subjectKeyIdentifier=hash'],
      { cwd: work },
    );
    await openssl(
      ['req', '-new', '-newkey', 'rsa:3072', '-nodes', '-keyout', LOCAL_FILES.tsaKey, '-out', 'tsa.csr', '-subj', `/C=CN/O=${org}/CN=YRD Notary Local TSA`],
      { cwd: work },
    );
    await openssl(
      ['x509', '-req', '-in', 'tsa.csr', '-CA', LOCAL_FILES.caCert, '-CAkey', LOCAL_FILES.caKey, '-sha256',
        '-set_serial', `0x${randomBytes(16).toString('hex').replace(/^[89a-f]/, '1')}`, '-days', String(options.tsaDays ?? 1825),
        '-extfile', 'tsa-ext.cnf', '-extensions', 'tsa_ext', '-out', LOCAL_FILES.tsaCert],
      { cwd: work },
    );
    for (const name of [LOCAL_FILES.caKey, LOCAL_FILES.caCert, LOCAL_FILES.tsaKey, LOCAL_FILES.tsaCert]) {
      await rename(join(work, name), join(dir, name));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
