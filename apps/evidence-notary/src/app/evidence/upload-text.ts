import { BadRequestException } from '@nestjs/common';
import { EDGE_LIMITS, findInputProblem, inputProblemBody } from '@yrd/platform';
import type { UploadRequest } from '@yrd/notary-feature';

/**
 * The platform checks JSON bodies before routing; an upload is read by the handler, so its form
 * fields (and the JSON inside `metadata`/`receipt`) and the file name get the same text checks
 * here, before anything is stored or hashed. Field values may be longer than the JSON string limit
 * (busboy caps them), so only their text is checked as a whole.
 */
export function assertCleanUpload(upload: UploadRequest): void {
  const limits = { ...EDGE_LIMITS, maxStringLength: Number.MAX_SAFE_INTEGER };
  const named: Record<string, unknown> = { ...upload.fields };
  if (upload.fileName !== undefined) named['fileName'] = upload.fileName;
  for (const [name, value] of Object.entries(named)) {
    let problem = findInputProblem(value, limits, name);
    if (!problem && typeof value === 'string' && /^\s*[{[]/.test(value)) {
      const parsed = parseJson(value);
      if (parsed !== undefined) problem = findInputProblem(parsed, EDGE_LIMITS, name);
    }
    if (problem) throw new BadRequestException(inputProblemBody(problem));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON after all: the use case says what is wrong with it.
    return undefined;
  }
}
