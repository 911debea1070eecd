import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import type { CaseFile } from '@yrd/notification-domain';

type CaseFileDocument = Omit<CaseFile, 'streamId'> & { _id: string; updatedAt: Date };

export const CASE_FILES = 'notification_case_files';

/**
 * The router's memory of each stream (who started it, whom it targets). Written only by the
 * router consumer, which sees one stream on one partition in order: one writer per document.
 */
@Injectable()
export class CaseFilesStore {
  readonly collection: Collection<CaseFileDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<CaseFileDocument>(CASE_FILES) as unknown as Collection<CaseFileDocument>;
  }

  async get(streamId: string): Promise<CaseFile | undefined> {
    const doc = await this.collection.findOne({ _id: streamId });
    if (!doc) return undefined;
    const { _id, updatedAt: _updatedAt, ...rest } = doc;
    return { streamId: _id, ...rest };
  }

  async put(file: CaseFile): Promise<void> {
    const { streamId, ...rest } = file;
    await this.collection.replaceOne({ _id: streamId }, { ...rest, updatedAt: new Date() }, { upsert: true });
  }
}
