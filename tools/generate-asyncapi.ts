/** Writes docs/asyncapi.json from the event catalogue: `npm run docs:asyncapi`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument, eventCatalog } from '@yrd/contracts';

const file = join(__dirname, '..', 'docs', 'asyncapi.json');
writeFileSync(file, JSON.stringify(asyncApiDocument(eventCatalog), null, 2) + '\n');
console.log(`wrote ${file} (${eventCatalog.definitions().length} event types)`);
