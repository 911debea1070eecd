import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { CommitRefused, ConcurrencyConflict } from '@yrd/event-store';

/**
 * What the event store can refuse a command for, as HTTP: a race still lost after the retry
 * budget is 409 with the stream's current version (reload and decide again); a commit the
 * database refuses for its own data is 422. Neither is a server fault.
 */
@Catch(ConcurrencyConflict, CommitRefused)
export class StoreErrorsFilter implements ExceptionFilter {
  catch(error: ConcurrencyConflict | CommitRefused, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof ConcurrencyConflict) {
      res.status(HttpStatus.CONFLICT).json({
        statusCode: HttpStatus.CONFLICT,
        code: 'CONCURRENT_MODIFICATION',
        message: 'another command changed this record first; reload it and try again',
        ...(error.currentVersion === undefined ? {} : { currentVersion: error.currentVersion }),
      });
      return;
    }
    res.status(HttpStatus.UNPROCESSABLE_ENTITY).json({
      statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
      code: 'UNSTORABLE_DATA',
      message: 'the record could not be stored as sent (e.g. a NUL character in a text field)',
    });
  }
}
