import { BlobRejectedError } from './blob-errors';
import { Inspection } from './blob-inspector';
import { PutOptions } from './blob-store';
import { checkDeclaredMediaType, sniffMediaType } from './media-type';

/**
 * The checks every adapter applies after streaming and before the content becomes visible
 * under its address; throwing here means the adapter discards what it wrote.
 */
export function acceptBlob(inspection: Inspection, options: PutOptions): { sniffedMediaType?: string } {
  if (inspection.size === 0) throw new BlobRejectedError('empty', 'the upload is empty');
  const sniffedMediaType = sniffMediaType(inspection.head);
  if (options.declaredMediaType !== undefined) {
    const check = checkDeclaredMediaType(options.declaredMediaType, sniffedMediaType);
    if (!check.ok) throw new BlobRejectedError('media-type-mismatch', check.reason);
  }
  return sniffedMediaType ? { sniffedMediaType } : {};
}
