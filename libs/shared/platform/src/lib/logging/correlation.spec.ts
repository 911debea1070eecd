import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CORRELATION_HEADER,
  CorrelationContext,
  resolveCorrelationId,
  runWithRequestCorrelation,
} from './correlation';

const UUID_V7 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function fakeReq(header?: string | string[]): IncomingMessage {
  return {
    headers: header === undefined ? {} : { [CORRELATION_HEADER]: header },
  } as unknown as IncomingMessage;
}

function fakeRes(): ServerResponse & { headers: Record<string, unknown> } {
  const headers: Record<string, unknown> = {};
  return {
    headers,
    headersSent: false,
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = value;
      return this;
    },
  } as unknown as ServerResponse & { headers: Record<string, unknown> };
}

describe('CorrelationContext.isValid', () => {
  it.each([
    'abc',
    'A-Z.a_z:09',
    '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    'x'.repeat(128),
  ])('accepts %j', (id) => {
    expect(CorrelationContext.isValid(id)).toBe(true);
  });

  it.each([
    '',
    'x'.repeat(129),
    'has space',
    'semi;colon',
    'new\nline',
    'ümlaut',
    '<script>',
    undefined,
    42,
  ])('rejects %j', (id) => {
    expect(CorrelationContext.isValid(id)).toBe(false);
  });
});

describe('resolveCorrelationId', () => {
  it('takes a valid header and echoes it', () => {
    const req = fakeReq('req-123:abc');
    const res = fakeRes();
    expect(resolveCorrelationId(req, res)).toBe('req-123:abc');
    expect(res.headers[CORRELATION_HEADER]).toBe('req-123:abc');
    expect((req as unknown as { id: string }).id).toBe('req-123:abc');
  });

  it('generates a UUIDv7 when the header is absent', () => {
    const res = fakeRes();
    const id = resolveCorrelationId(fakeReq(), res);
    expect(id).toMatch(UUID_V7);
    expect(res.headers[CORRELATION_HEADER]).toBe(id);
  });

  it.each([['bad value with spaces'], ['x'.repeat(129)], ['inj\r\nX-Evil: 1']])(
    'replaces an invalid header %j with a UUIDv7',
    (header) => {
      expect(resolveCorrelationId(fakeReq(header), fakeRes())).toMatch(UUID_V7);
    },
  );

  it('uses the first of repeated headers', () => {
    expect(resolveCorrelationId(fakeReq(['first', 'second']), fakeRes())).toBe(
      'first',
    );
  });

  it('returns the same id for the same request (pino-http and the middleware share it)', () => {
    const req = fakeReq();
    const first = resolveCorrelationId(req, fakeRes());
    expect(resolveCorrelationId(req, fakeRes())).toBe(first);
  });

  it('generates distinct, time-ordered ids', () => {
    const ids = Array.from({ length: 50 }, () =>
      resolveCorrelationId(fakeReq(), fakeRes()),
    );
    expect(new Set(ids).size).toBe(50);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('CorrelationContext.run / current', () => {
  it('is undefined outside a context', () => {
    expect(CorrelationContext.current()).toBeUndefined();
    expect(CorrelationContext.currentOrNew()).toMatch(UUID_V7);
  });

  it('carries the id across awaits and timers, and nests', async () => {
    const seen = await CorrelationContext.run('outer-1', async () => {
      await new Promise((r) => setTimeout(r, 5));
      const afterTimer = CorrelationContext.current();
      const inner = CorrelationContext.run('inner-2', () =>
        CorrelationContext.current(),
      );
      return {
        afterTimer,
        inner,
        back: CorrelationContext.current(),
        orNew: CorrelationContext.currentOrNew(),
      };
    });
    expect(seen).toEqual({
      afterTimer: 'outer-1',
      inner: 'inner-2',
      back: 'outer-1',
      orNew: 'outer-1',
    });
    expect(CorrelationContext.current()).toBeUndefined();
  });

  it('replaces an invalid id given to run()', () => {
    expect(
      CorrelationContext.run('no spaces allowed', () =>
        CorrelationContext.current(),
      ),
    ).toMatch(UUID_V7);
    expect(
      CorrelationContext.run(undefined, () => CorrelationContext.current()),
    ).toMatch(UUID_V7);
  });

  it('runs the rest of a request inside the request id', async () => {
    const req = fakeReq('http-req-7');
    const res = fakeRes();
    const seen = await new Promise<string | undefined>((resolve) =>
      runWithRequestCorrelation(req, res, () =>
        setImmediate(() => resolve(CorrelationContext.current())),
      ),
    );
    expect(seen).toBe('http-req-7');
    expect(res.headers[CORRELATION_HEADER]).toBe('http-req-7');
  });
});
