import { render, screen, within } from '@testing-library/react';
import '../../i18n/i18n';
import { EvaluationSummary, ExemptionConditions, type EvaluationResult, type ItemResult } from './exemption-result';

const item = (applies: boolean, met: boolean[]): ItemResult => ({
  listId: 'sh-advertising-first-violation',
  listVersion: 2,
  listTitle: '上海市市场监管领域轻微违法行为免罚清单',
  itemId: 'A-03',
  matter: '发布含有绝对化用语的广告',
  outcome: '不予处罚',
  basis: '行政处罚法第三十三条第一款',
  applies,
  conditions: [
    { type: 'first-violation', text: '首次违法', met: met[0] ?? false, fact: 'priorViolations', detail: '0 prior violations' },
    { type: 'corrected-by-deadline', text: '在责令改正期限内改正', met: met[1] ?? false, fact: 'correction.correctedOn', detail: '2026-03-10 after 2026-03-05' },
    { type: 'harm', text: '危害后果轻微', met: met[2] ?? false, fact: 'harm', detail: 'minor' },
  ],
});

describe('exemption conditions', () => {
  it('marks each condition met or failed, with the fact it rests on', () => {
    render(<ExemptionConditions item={item(false, [true, false, true])} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-met'))).toEqual(['true', 'false', 'true']);
    expect(rows[0]?.textContent).toBe('✔ 条件满足: 首次违法 (priorViolations: 0 prior violations)');
    expect(rows[1]?.textContent).toBe('✘ 条件不满足: 在责令改正期限内改正 (correction.correctedOn: 2026-03-10 after 2026-03-05)');
    expect(rows[1]?.className).toBe('error');
    expect(screen.getByText('不适用')).toBeTruthy();
  });

  it('says the item applies, with its outcome, when every condition is met', () => {
    render(<ExemptionConditions item={item(true, [true, true, true])} />);
    expect(screen.getAllByRole('listitem').every((r) => r.getAttribute('data-met') === 'true')).toBe(true);
    expect(screen.getByText('适用：不予处罚')).toBeTruthy();
  });

  it('summarises the outcome and lists every evaluated item', () => {
    const result: EvaluationResult = {
      evaluationId: 'ev-1',
      caseRef: '沪青市监案〔2026〕12号',
      region: '310000',
      caseDate: '2026-03-12',
      listsInForce: [{ listId: 'sh-advertising-first-violation', version: 2, title: '上海市市场监管领域轻微违法行为免罚清单' }],
      items: [item(true, [true, true, true]), { ...item(false, [false, true, true]), itemId: 'A-04' }],
      penalty: { outcome: 'no-penalty', basis: ['行政处罚法第三十三条第一款'] },
      compulsion: { outcome: 'no-list-item', basis: [] },
      educationRequired: true,
      education: null,
    };
    render(<EvaluationSummary result={result} />);
    const summary = screen.getByTestId('evaluation');
    expect(within(summary).getByText('不予处罚', { selector: 'strong' })).toBeTruthy();
    expect(within(summary).getByText('清单未列入')).toBeTruthy();
    expect(within(summary).getByText('不予处罚的，应当对当事人进行教育')).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.getAllByRole('listitem').filter((r) => r.getAttribute('data-met') === 'false')).toHaveLength(1);
  });
});
