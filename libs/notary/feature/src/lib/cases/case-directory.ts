import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import { EventBackbone } from '@yrd/backbone';
import type { EventEnvelope } from '@yrd/contracts';

interface KnownCase {
  _id: string;
  bureau?: string;
}

/**
 * Which clues and cases exist, learnt from case-intake's events (`clue.submitted`,
 * `clue.case-opened`), so an upload for an unknown case is refused without calling another
 * service. Insert-only with `_id` = `clue:<id>` / `case:<number>`: a replay is a no-op.
 */
@Injectable()
export class CaseDirectory implements OnModuleInit {
  private readonly known: Collection<KnownCase>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly backbone: EventBackbone,
  ) {
    this.known = connection.collection<KnownCase>('notary_known_cases');
  }

  onModuleInit(): void {
    this.backbone.consume({ name: 'case-directory', contexts: ['intake'], handler: (e) => this.onEvent(e) });
  }

  async onEvent(event: EventEnvelope): Promise<void> {
    const p = event.payload as { clueId?: string; caseNumber?: string; discoveringBureau?: string; bureau?: string };
    if (event.type === 'clue.submitted' && p.clueId) await this.remember(`clue:${p.clueId}`, p.discoveringBureau);
    if (event.type === 'clue.case-opened' && p.caseNumber) await this.remember(`case:${p.caseNumber}`, p.bureau);
  }

  async remember(id: string, bureau?: string): Promise<void> {
    try {
      await this.known.insertOne({ _id: id, ...(bureau ? { bureau } : {}) });
    } catch (e) {
      if ((e as { code?: number }).code !== 11000) throw e;
    }
  }

  async exists(ref: { caseId?: string; clueId?: string }): Promise<boolean> {
    const ids = [ref.caseId && `case:${ref.caseId}`, ref.clueId && `clue:${ref.clueId}`].filter((x): x is string => !!x);
    for (const id of ids) if (!(await this.known.findOne({ _id: id }))) return false;
    return ids.length > 0;
  }
}
