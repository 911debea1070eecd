import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../i18n/i18n';
import { SessionProvider } from '../../session/session-context';
import { ReceiptVerify } from './receipt-verify';

const CONTENT = '现场检查笔录 2026-03-01';

const receiptFor = (sha256: string, size: number) => JSON.stringify({ format: 'yrd-notary-receipt/1', entry: { v: 1, entryId: 'ev-01J', kind: 'evidence', sha256, size, metadataSha256: '0'.repeat(64), notarizedAt: '2026-03-01T10:00:00+08:00' } });

function renderVerify(role: 'auditor' | 'officer' = 'auditor') {
  return render(
    <SessionProvider initial={{ token: 'tok', sub: 'u', name: 'U', role, bureau: '310000' }}>
      <ReceiptVerify />
    </SessionProvider>,
  );
}

async function verify(fileText: string, receipt: string) {
  await userEvent.upload(screen.getByLabelText('证据文件'), new File([fileText], 'record.txt', { type: 'text/plain' }));
  await userEvent.upload(screen.getByLabelText('保全证书（JSON）'), new File([receipt], 'receipt.json', { type: 'application/json' }));
  await userEvent.click(screen.getByRole('button', { name: '验证' }));
  return screen.findByTestId('receipt-result');
}

describe('evidence receipt verification', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hashes the file in the browser and says it matches the receipt', async () => {
    const size = new TextEncoder().encode(CONTENT).length;
    const sha = await realSha256(CONTENT);
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, entryId: 'ev-01J', checkedSha256: sha, failures: [], timeStampVerified: true }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    renderVerify('officer');
    const result = await verify(CONTENT, receiptFor(sha, size));
    expect(result.textContent).toContain('文件与证书一致');
    expect(result.textContent).toContain(sha);
    await waitFor(() => expect(result.textContent).toContain('公证服务验证通过'));
    // The file itself is never uploaded: only its hash and the receipt go to the notary.
    const body = JSON.parse((fetch.mock.calls[0]?.[1] as RequestInit).body as string);
    expect(body.sha256).toBe(sha);
    expect(body.receipt.entry.entryId).toBe('ev-01J');
  });

  it('flags a file that differs from the receipt, and says why the notary could not help', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ statusCode: 403, message: "Auditors are read-only: POST is not allowed for role 'auditor'" }), { status: 403 })));
    renderVerify('auditor');
    // The receipt was issued for CONTENT; the file presented has been edited since.
    const result = await verify(`${CONTENT} (edited)`, receiptFor(await realSha256(CONTENT), new TextEncoder().encode(CONTENT).length));
    expect(result.textContent).toContain('文件与证书不一致');
    expect(result.querySelector('p')?.className).toBe('error');
    expect(result.textContent).toContain("未获得公证服务的完整验证: Auditors are read-only: POST is not allowed for role 'auditor'");
  });

  it('refuses a receipt that is not one', async () => {
    vi.stubGlobal('fetch', vi.fn());
    renderVerify();
    await userEvent.upload(screen.getByLabelText('证据文件'), new File([CONTENT], 'record.txt'));
    await userEvent.upload(screen.getByLabelText('保全证书（JSON）'), new File(['{"hello":1}'], 'receipt.json', { type: 'application/json' }));
    await userEvent.click(screen.getByRole('button', { name: '验证' }));
    expect((await screen.findByRole('alert')).textContent).toBe('the receipt has no log entry (entry.entryId, entry.sha256)');
  });
});

/** Node's own SHA-256, independent of the Web Crypto path under test. */
async function realSha256(text: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
