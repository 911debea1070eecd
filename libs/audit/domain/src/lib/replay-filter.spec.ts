import type { EventEnvelope } from '@yrd/contracts';
import { chainEvents, emptyHead, fixtureSigner } from '@yrd/event-log';
import { evidenceRefsOf, StreamSelector } from './replay-filter';

const meta = { actor: { userId: 'officer-qp-1', bureau: '310118', role: 'officer' as const }, correlationId: 'c', causationId: null, now: new Date('2026-03-02T02:00:00Z') };
const event = (streamId: string, type: string, data: Record<string, unknown>): EventEnvelope => chainEvents(emptyHead(streamId), [{ type, data }], meta, fixtureSigner('case-intake'))[0];

/** Runs events through a selector as the verifier does (stream by stream, any order) and lists the selected streams. */
function selected(selector: StreamSelector, events: readonly EventEnvelope[]): string[] {
  const matches = new Map<string, ReturnType<StreamSelector['start']>>();
  for (const e of events) {
    if (!matches.has(e.streamId)) matches.set(e.streamId, selector.start(e.streamId));
    const m = matches.get(e.streamId);
    if (m) selector.observe(m, e);
  }
  return [...matches].filter(([, m]) => selector.selected(m)).map(([id]) => id).sort();
}

describe('the case filter', () => {
  const selector = () => new StreamSelector({ caseId: 'c-1' });

  it("takes in the case's evidence: named in its metadata, or by the case's evidenceRefs/evidenceId, read before or after", () => {
    const events = [
      event('evidence-e-late', 'evidence.notarized', { metadata: { clueId: 'c-1' } }),
      event('evidence-e-ref', 'evidence.shared', { entryId: 'e-ref' }),
      event('evidence-e-attached', 'evidence.accessed', { entryId: 'e-attached' }),
      event('evidence-e-other', 'evidence.notarized', { metadata: { clueId: 'c-2' } }),
      event('clue-c-1', 'clue.submitted', { clueId: 'c-1', evidenceRefs: ['e-ref'] }),
      event('clue-c-1', 'clue.evidence-attached', { clueId: 'c-1', evidenceId: 'e-attached' }),
      event('clue-c-2', 'clue.submitted', { clueId: 'c-2', evidenceRefs: ['e-other'] }),
    ];
    expect(selected(selector(), events)).toEqual(['clue-c-1', 'evidence-e-attached', 'evidence-e-late', 'evidence-e-ref']);
    expect(selected(selector(), [...events].reverse())).toEqual(['clue-c-1', 'evidence-e-attached', 'evidence-e-late', 'evidence-e-ref']);
  });

  it('reads evidence ids from any evidenceRefs or evidenceId field, one level down too', () => {
    expect(evidenceRefsOf({ evidenceRefs: ['a', 'b'], attachments: [{ evidenceId: 'c' }], nested: { evidenceId: 'd' }, other: 'e' })).toEqual(['a', 'b', 'c', 'd']);
  });
});
