import { BadRequestException, HttpException, HttpStatus, NotFoundException, PayloadTooLargeException, UnprocessableEntityException } from '@nestjs/common';
import { BlobRejectedError } from '@yrd/evidence-storage';
import type { EvidenceError } from '@yrd/notary-domain';

/** A refused upload → 400 empty, 413 too large, 422 content not matching its declared type. */
export function rejectionToHttp(error: BlobRejectedError): HttpException {
  switch (error.reason) {
    case 'empty':
      return new BadRequestException({ statusCode: 400, error: 'empty-upload', message: error.message });
    case 'too-large':
      return new PayloadTooLargeException({ statusCode: 413, error: 'too-large', message: error.message });
    case 'media-type-mismatch':
      return new UnprocessableEntityException({ statusCode: 422, error: 'media-type-mismatch', message: error.message });
  }
}

export function evidenceErrorToHttp(error: EvidenceError): HttpException {
  const status = { 'not-found': HttpStatus.NOT_FOUND, 'already-notarized': HttpStatus.CONFLICT, forbidden: HttpStatus.FORBIDDEN, invalid: HttpStatus.UNPROCESSABLE_ENTITY }[error.code];
  return new HttpException({ statusCode: status, error: error.code, message: error.message }, status);
}

export const notFound = (message: string) => new NotFoundException({ statusCode: 404, error: 'not-found', message });
export const badRequest = (message: string) => new BadRequestException({ statusCode: 400, error: 'invalid', message });
/** Data the published schema allows that the notary refuses (a size beyond the log, metadata its schema refuses): 422. */
export const unprocessable = (message: string) => new UnprocessableEntityException({ statusCode: 422, error: 'invalid', message });
