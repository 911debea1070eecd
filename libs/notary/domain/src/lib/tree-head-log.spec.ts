import { TreeHeadSigner } from '@yrd/merkle';
import { recordTreeHead, treeHeadLogAggregate, treeHeadStreamId } from './tree-head-log';

describe('tree head log', () => {
  const signer = TreeHeadSigner.generate();
  const sth = (treeSize: number, root = 'aa') => signer.sign({ treeSize, rootHash: root.padEnd(64, '0'), timestamp: 1 });
  const after = (size: number, root = 'aa') => treeHeadLogAggregate.evolve(treeHeadLogAggregate.initialState(), { type: 'notary.tree-head-signed', data: { ...sth(size, root), trigger: 'on-demand' } });

  it('records a growing head, skips an unchanged scheduled one, refuses shrinking or forked heads', () => {
    expect(recordTreeHead(sth(5), 'scheduled')(treeHeadLogAggregate.initialState())).toMatchObject({ ok: true, value: [{ type: 'notary.tree-head-signed' }] });
    expect(recordTreeHead(sth(5), 'scheduled')(after(5))).toEqual({ ok: true, value: [] });
    expect(recordTreeHead(sth(5), 'on-demand')(after(5)).ok).toBe(true);
    expect(recordTreeHead(sth(4), 'on-demand')(after(5))).toMatchObject({ ok: false });
    expect(recordTreeHead(sth(5, 'bb'), 'on-demand')(after(5))).toMatchObject({ ok: false, error: { message: 'two different roots for tree size 5' } });
  });

  it('keeps one stream per UTC day', () => {
    expect(treeHeadStreamId(new Date('2026-03-04T23:59:59Z'))).toBe('treehead-20260304');
  });
});
