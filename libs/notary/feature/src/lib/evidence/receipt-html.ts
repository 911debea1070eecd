import type { NotaryReceipt } from '@yrd/notary-domain';

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const row = (label: string, value: unknown, mono = false) => `<tr><th>${esc(label)}</th><td${mono ? ' class="mono"' : ''}>${esc(value)}</td></tr>`;

/** The printable electronic preservation certificate (电子保全证书): the receipt as an A4 page. */
export function renderReceiptHtml(r: NotaryReceipt): string {
  const m = r.metadata as Record<string, unknown> & { source?: { url?: string; device?: string; method?: string }; collectedBy?: { userId: string; bureau: string } };
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>电子保全证书 ${esc(r.entry.entryId)}</title>
<style>
  @page { size: A4; margin: 18mm; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #111; max-width: 180mm; margin: auto; }
  h1 { text-align: center; letter-spacing: .3em; margin-bottom: 0; } .sub { text-align: center; color: #555; margin-top: 4px; }
  table { width: 100%; border-collapse: collapse; margin: 10px 0; font-size: 10.5pt; }
  th { width: 32%; text-align: left; background: #f2f2f2; } th, td { border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; }
  .mono { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; } h2 { font-size: 12pt; margin: 14px 0 4px; }
  pre { white-space: pre-wrap; word-break: break-all; font-size: 7.5pt; background: #fafafa; border: 1px solid #ddd; padding: 6px; }
</style></head><body>
<h1>电子保全证书</h1><p class="sub">Electronic preservation certificate · ${esc(r.format)}</p>
<h2>保全信息 Entry</h2><table>
${row('保全编号 Entry id', r.entry.entryId, true)}${row('类型 Kind', r.entry.kind)}${row('保全时间 Notarized at', r.entry.notarizedAt)}
${row('案件/线索 Case / clue', [m['caseId'], m['clueId']].filter(Boolean).join(' / '))}${row('取证人 Collected by', m.collectedBy ? `${m.collectedBy.userId} (${m.collectedBy.bureau})` : '')}
${row('取证时间 Collected at', m['collectedAt'])}${row('来源 Source', m.source ? [m.source.method, m.source.url, m.source.device].filter(Boolean).join(' · ') : m['source'])}
${row('文件 File', [m['fileName'], m['mediaType'], `${r.entry.size} bytes`].filter(Boolean).join(' · '))}
</table>
<h2>数字指纹 Hashes</h2><table>
${row('SHA-256', r.entry.sha256, true)}${r.entry.sm3 ? row('SM3', r.entry.sm3, true) : ''}${row('元数据 Metadata SHA-256', r.entry.metadataSha256, true)}${row('叶子哈希 Leaf hash (RFC 6962)', r.leafHash, true)}
</table>
<h2>默克尔日志 Merkle log</h2><table>
${row('叶子序号 Leaf index', r.leafIndex)}${row('树大小 Tree size', r.treeHead.treeSize)}${row('根哈希 Root hash', r.treeHead.rootHash, true)}
${row('签名时间 Tree head time', new Date(r.treeHead.timestamp).toISOString())}${row('签名密钥 Key id (Ed25519)', r.treeHead.keyId, true)}${row('签名 Signature', r.treeHead.signature, true)}
${row('包含证明 Inclusion proof', r.inclusionProof.join(' '), true)}
</table>
<h2>可信时间戳 RFC 3161 time-stamp</h2><table>
${row('时间 Time (genTime)', r.timeStamp.genTime)}${row('序列号 Serial', r.timeStamp.serialNumber, true)}${row('策略 Policy', r.timeStamp.policy, true)}
</table>
<h2>验证方法 How to verify</h2>
<pre>1. sha256sum &lt;file&gt;  →  must equal the SHA-256 above
2. base64 -d token.b64 &gt; token.der
   openssl ts -verify -data &lt;file&gt; -token_in -in token.der -CAfile ca.pem -untrusted tsa.pem
3. The JSON receipt verifies offline with verifyReceipt() (@yrd/notary-domain): leaf hash, Ed25519 tree head, inclusion proof.</pre>
<h2>时间戳令牌 Time-stamp token (base64 DER)</h2><pre>${esc(r.timeStamp.token)}</pre>
</body></html>
`;
}
