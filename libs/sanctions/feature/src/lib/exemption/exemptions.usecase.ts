import { Injectable } from '@nestjs/common';
import type { Principal } from '@yrd/auth';
import { CaseFacts, evaluateCase, Evaluation, ListPublication, validateListFile } from '@yrd/exemption-domain';
import { chinaDateOf } from '@yrd/calendar';
import { regionOf } from '@yrd/sanctions-domain';
import { Refusal } from '../http/refusal';
import { SanctionsReadModelsHost } from '../read-models/sanctions-read-models.provider';
import { actorOf, newId, SanctionsStreams, streamIds, uuidv7 } from '../streams';

/** Exemption and no-compulsion lists: evaluate a case (an event), publish a new list version, read lists. */
@Injectable()
export class ExemptionsUseCase {
  constructor(
    private readonly streams: SanctionsStreams,
    private readonly read: SanctionsReadModelsHost,
  ) {}

  /** Evaluates in memory (pure); the evaluation is then recorded as `exemption.evaluated`. */
  evaluateOnly(facts: CaseFacts): Evaluation {
    const region = regionOf(facts.bureau) ?? facts.bureau;
    const history = this.read.models.history.historyFor(facts.subject, region);
    return evaluateCase(this.read.models.lists, facts, history);
  }

  async evaluate(principal: Principal, facts: CaseFacts) {
    const wide = principal.role === 'admin';
    if (!wide && facts.bureau !== principal.bureau) throw Refusal.forbidden(`bureau ${principal.bureau} may only evaluate its own cases (bureau ${facts.bureau})`);
    if (!regionOf(facts.bureau)) throw Refusal.invalid(`bureau ${facts.bureau} is not in the bureau registry`);
    const evaluation = this.evaluateOnly(facts);
    const evaluationId = newId('ev', uuidv7());
    const now = new Date();
    const data = {
      evaluationId,
      caseRef: facts.caseRef,
      bureau: facts.bureau,
      region: evaluation.region,
      caseDate: facts.caseDate,
      violationKind: facts.violationKind,
      subject: facts.subject.creditCode ? { creditCode: facts.subject.creditCode } : { personId: facts.subject.personId },
      listsInForce: evaluation.listsInForce.map((l) => ({ listId: l.listId, version: l.version })),
      items: evaluation.items.map((i) => ({
        listId: i.listId,
        listVersion: i.listVersion,
        itemId: i.itemId,
        outcome: i.outcome,
        applies: i.applies,
        conditions: i.conditions.map((c) => ({ type: c.type, met: c.met, fact: c.fact, detail: c.detail.slice(0, 2000) })),
      })),
      penaltyOutcome: evaluation.penalty.outcome,
      compulsionOutcome: evaluation.compulsion.outcome,
      basis: [...evaluation.penalty.basis, ...evaluation.compulsion.basis],
      educationRequired: evaluation.educationRequired,
      evaluatedAt: now.toISOString(),
    };
    const outcome = await this.streams.once.create(
      streamIds.evaluation(evaluationId),
      () => ({ ok: true, value: [{ type: 'exemption.evaluated', data }] }),
      this.streams.backbone.metadata(actorOf(principal), null, now),
    );
    if (!outcome.ok) throw new Error('evaluation not recorded');
    return { evaluationId, eventId: outcome.events[0]?.eventId, ...evaluation };
  }

  async publish(principal: Principal, file: unknown) {
    const v = validateListFile(file);
    if (!v.ok) throw Refusal.ofPublication({ code: 'INVALID_LIST', message: `the list file is invalid: ${v.summary}`, problems: v.problems });
    const now = new Date();
    const outcome = await this.streams.lists.handle(
      streamIds.list(v.list.listId),
      (s) => ListPublication.decide({ type: 'PublishListVersion', data: { file, by: principal.sub, today: chinaDateOf(now) } }, s, now, this.read.models.lists),
      this.streams.backbone.metadata(actorOf(principal), null, now),
    );
    if (!outcome.ok) throw Refusal.ofPublication(outcome.error);
    // Read-your-writes here; every instance adds it when its tail reads the event.
    this.read.models.lists.add(v.list);
    const { list: _list, ...summary } = (outcome.events[0]?.payload ?? {}) as Record<string, unknown>;
    return { ...summary, eventId: outcome.events[0]?.eventId };
  }

  catalogue() {
    const lists = this.read.models.lists;
    const today = chinaDateOf(new Date());
    return lists.listIds().map((listId) => ({
      listId,
      inForceToday: lists.inForce(listId, today)?.version ?? null,
      versions: lists.versions(listId).map((l) => ({
        version: l.version,
        kind: l.kind,
        region: l.region,
        title: l.title,
        effectiveFrom: l.effectiveFrom,
        effectiveTo: l.effectiveTo ?? null,
        items: l.items.length,
        sourceDocument: l.sourceDocument,
      })),
    }));
  }

  version(listId: string, version: number) {
    const l = this.read.models.lists.get(listId, version);
    if (!l) throw Refusal.notFound(`no version ${version} of list ${listId}`);
    return l;
  }
}
