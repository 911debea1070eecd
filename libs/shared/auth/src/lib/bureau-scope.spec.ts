import { BadRequestException, ForbiddenException } from '@nestjs/common';
import {
  assertInScope,
  bureauScope,
  inScope,
  Scoped,
  scopeFilter,
  systemScope,
} from './bureau-scope';
import { devUser } from './dev-users';

describe('bureauScope', () => {
  const officer = devUser('officer-qp-1');
  const bureau = devUser('bureau-jsh-1');
  const auditor = devUser('auditor-1');
  const admin = devUser('admin-1');

  it('confines officers and bureau users to their own bureau', () => {
    expect(bureauScope(officer)).toBe('310118');
    expect(bureauScope(officer, '310118')).toBe('310118');
    expect(bureauScope(bureau)).toBe('330421');
    expect(bureauScope(bureau, '')).toBe('330421');
  });

  it('refuses another bureau with a 403 naming the rule', () => {
    expect(() => bureauScope(officer, '330421')).toThrow(ForbiddenException);
    expect(() => bureauScope(bureau, '310118')).toThrow(
      /may only access its own bureau 330421, not 310118/,
    );
  });

  it('does not let a province-level officer see its counties', () => {
    expect(() => bureauScope(devUser('officer-sh-1'), '310118')).toThrow(
      ForbiddenException,
    );
  });

  it('gives auditors and admins every bureau (undefined) or the one asked for', () => {
    expect(bureauScope(auditor)).toBeUndefined();
    expect(bureauScope(admin)).toBeUndefined();
    expect(bureauScope(auditor, '320509')).toBe('320509');
    expect(bureauScope(admin, '340000')).toBe('340000');
  });

  it('rejects malformed codes with a 400', () => {
    expect(() => bureauScope(admin, '31011')).toThrow(BadRequestException);
    expect(() => bureauScope(officer, '31O118')).toThrow(BadRequestException);
  });
});

describe('scope helpers', () => {
  it('systemScope gives all bureaus or one validated bureau', () => {
    expect(systemScope()).toBeUndefined();
    expect(systemScope('310118')).toBe('310118');
    expect(() => systemScope('x')).toThrow(BadRequestException);
  });

  it('inScope / assertInScope check a record against the scope', () => {
    const qp = systemScope('310118');
    expect(inScope(qp, '330421', '310118')).toBe(true);
    expect(inScope(qp, '330421', undefined)).toBe(false);
    expect(inScope(systemScope(), '330421')).toBe(true);
    expect(() => assertInScope(qp, '330421')).toThrow(ForbiddenException);
    expect(() => assertInScope(qp, '310118')).not.toThrow();
  });

  it('scopeFilter builds the query fragment', () => {
    const qp = systemScope('310118');
    expect(scopeFilter(systemScope(), 'bureau')).toEqual({});
    expect(scopeFilter(qp, 'bureau')).toEqual({ bureau: '310118' });
    expect(scopeFilter(qp, 'fromBureau', 'toBureau')).toEqual({
      $or: [{ fromBureau: '310118' }, { toBureau: '310118' }],
    });
  });

  it('Scoped<T> requires the scope, and only a scoped value fits', () => {
    const find = (q: Scoped<{ status?: string }>) =>
      scopeFilter(q.scope, 'bureau');
    expect(
      find({ status: 'open', scope: bureauScope(devUser('officer-wj-1')) }),
    ).toEqual({ bureau: '320509' });
    // @ts-expect-error the scope cannot be forgotten
    find({ status: 'open' });
    // @ts-expect-error a raw string (e.g. from ?bureau=) is not a scope
    find({ scope: '310118' });
  });
});
