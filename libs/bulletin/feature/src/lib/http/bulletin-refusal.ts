import { HttpStatus } from '@nestjs/common';
import type { Bulletin } from '@yrd/bulletin-domain';
import { Refusal } from '@yrd/sanctions-feature';

/** The bulletin rules' refusals as HTTP answers: nothing was appended. */
const STATUS: Record<Bulletin.ErrorCode, HttpStatus> = {
  // Schema-valid content the rules refuse (the validation pipe answers 400 for the rest).
  INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  ALREADY_EXISTS: HttpStatus.CONFLICT,
  NOT_A_CO_ISSUER: HttpStatus.FORBIDDEN,
  ALREADY_SIGNED: HttpStatus.CONFLICT,
  WRONG_STATE: HttpStatus.CONFLICT,
  NOT_ISSUER: HttpStatus.FORBIDDEN,
  NOT_IN_AUDIENCE: HttpStatus.FORBIDDEN,
};

export const refusalOf = (e: Bulletin.Refusal): Refusal => new Refusal(STATUS[e.code], { statusCode: STATUS[e.code], error: e.code, message: e.message });

export const noSigningKey = (bureau: string): Refusal =>
  new Refusal(HttpStatus.CONFLICT, { statusCode: 409, error: 'NO_SIGNING_KEY', message: `this service holds no signing key for bureau ${bureau}` });
