/**
 * Demo data for the quick start, entered the way users would: through the services' HTTP APIs as
 * the development users. Safe to run twice (it only adds more demo clues).
 *   npx tsx --tsconfig tools/tsconfig.json scripts/demo-data.ts
 */
import { devUser, mintToken } from '@yrd/auth';
import { withCreditCodeCheckChar } from '@yrd/bureaus';

const INTAKE = `http://127.0.0.1:${process.env['CASE_INTAKE_PORT'] ?? 3101}`;
const TRANSFER = `http://127.0.0.1:${process.env['CLUE_TRANSFER_PORT'] ?? 3102}`;

async function call(base: string, user: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${mintToken(devUser(user))}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${method} ${path} as ${user}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main() {
  const clue = (name: string, code: string, violation: string, facts: string, place: string, address: string) => ({
    subject: { name, creditCode: withCreditCodeCheckChar(code) },
    allegedViolation: violation,
    facts,
    place: { divisionCode: place, address },
    evidenceRefs: [],
    urgency: 'normal',
  });
  const toJiashan = await call(INTAKE, 'officer-qp-1', 'POST', '/clues', clue('嘉善某电子商务有限公司', '91330421MA2B00001', '虚假宣传（使用“国家级”“最佳”用语）', '网店首页宣称产品为“国家级”“最佳”，无证明材料。', '310118', '上海市青浦区华新镇'));
  const toWujiang = await call(INTAKE, 'officer-jsh-1', 'POST', '/clues', clue('吴江某纺织品有限公司', '91320509MA1N00003', '产品标识不符合规定', '抽检发现纺织品标识缺少纤维含量。', '330421', '浙江省嘉善县罗星街道'));
  const local = await call(INTAKE, 'officer-qp-1', 'POST', '/clues', clue('青浦某食品商行', '91310118MA1K00002', '未按规定公示食品经营许可证', '现场检查发现未公示许可证。', '310118', '上海市青浦区朱家角镇'));
  console.log(`clues: ${toJiashan.clueId} → 330421, ${toWujiang.clueId} → 320509, ${local.clueId} kept in Qingpu`);

  const referral = `rf-${toJiashan.clueId}`;
  await until('the referral in Jiashan’s inbox', async () => {
    const r = await call(TRANSFER, 'bureau-jsh-1', 'GET', `/referrals/${referral}`);
    return r.referral?.status === 'delivered' ? r : undefined;
  });
  await call(TRANSFER, 'bureau-jsh-1', 'POST', `/referrals/${referral}/accept`);
  console.log(`referral ${referral}: accepted by Jiashan`);

  await call(TRANSFER, 'officer-qp-1', 'POST', '/assistance', {
    requestedBureau: '320509',
    questions: ['该公司是否在登记住所实际经营？', '近两年是否有同类违法记录？'],
    caseRef: toJiashan.clueId,
  });
  await call(TRANSFER, 'officer-sh-1', 'POST', '/joint-actions', {
    title: '长三角网络交易虚假宣传联合整治',
    startsOn: new Date().toISOString().slice(0, 10),
    endsOn: new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10),
    targets: ['网络交易平台内经营者'],
    discretionStandardId: 'YRD-ADV-ABSOLUTE-TERMS-2024',
    tasks: [
      { bureau: '310000', description: '排查上海辖区平台内经营者' },
      { bureau: '330000', description: '排查浙江辖区平台内经营者' },
    ],
  });
  console.log('assistance request to Wujiang and a joint action Shanghai + Zhejiang created');

  // A joint public bulletin, co-signed by Jiangsu and Zhejiang (published), and a draft awaiting Anhui.
  const bulletin = (title: string, audience: unknown) => ({
    kind: 'problem',
    title,
    body: '三地市场监管部门在联合整治中发现，部分直播间经营者（如李四，身份证号 320509199002021234）在宣传中使用“国家级”“最佳”等绝对化用语，违反《广告法》第九条。请各地加强监测。',
    category: 'advertising',
    industry: 'live-commerce',
    relatedDecisions: [],
    attachments: [],
    audience,
    persons: [{ name: '李四', idNumber: '320509199002021234' }],
  });
  const published = await call(TRANSFER, 'bureau-sh-1', 'POST', '/bulletins', { coIssuers: ['320000', '330000'], content: bulletin('直播带货绝对化用语问题联合通报', { kind: 'public' }) });
  await call(TRANSFER, 'bureau-js-1', 'POST', `/bulletins/${published.bulletinId}/cosignature`);
  await call(TRANSFER, 'bureau-zj-1', 'POST', `/bulletins/${published.bulletinId}/cosignature`);
  const draft = await call(TRANSFER, 'bureau-zj-1', 'POST', '/bulletins', { coIssuers: ['340000'], content: { ...bulletin('预付式消费风险提示', { kind: 'delta' }), kind: 'risk-alert' } });
  console.log(`bulletins: ${published.bulletinId} published (public feed /api/clue-transfer/public/bulletins.atom), ${draft.bulletinId} awaiting Anhui's co-signature`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
