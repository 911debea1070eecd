/**
 * Every event type of the catalogue (and the notary's), written with hostile but valid text
 * through the real store of record (CommitStore on FerretDB → PostgreSQL) and read back: the
 * envelope must be deep-equal and its hash must still verify. Text the edge accepts must
 * round-trip exactly, or an audit replay reports a false `hash-mismatch`.
 */
import { isDeepStrictEqual } from 'node:util';
import mongoose, { type Connection } from 'mongoose';
import { z } from 'zod';
import { checkEnvelope, chainEvents, hasValidHash, verifyStream, fixtureSigner } from '@yrd/event-log';
import { EventCatalog, eventCatalog, type EventDefinition, type EventEnvelope } from '@yrd/contracts';
import { CommitStore } from '@yrd/event-store';
import { notaryEvents } from '@yrd/notary-domain';
import { mongoUrlFor, uniqueName } from '@yrd/testing';

jest.setTimeout(180_000);

/** CJK, astral emoji and a ZWJ sequence, combining marks, RTL marks, U+2028/2029, tab/LF/CR, quotes, backslashes, BOM. */
const HOSTILE =
  '举报：某超市“特价”🧾𠀀 e\u0301\u0323 \u200fعربي\u200e a\u2028b\u2029c\td\ne\r\nf "q" \\ \\u0000 \' 👨‍👩‍👧 \uFEFF末';

/** Hostile text fitted to a length range (zod counts code points) without splitting a surrogate pair. */
function hostileText(min: number, max: number): string {
  const points = Array.from(HOSTILE).slice(0, max);
  while (points.length < min) points.push('文');
  return points.join('');
}

const HEX = (n: number) => 'a1b2c3d4e5f60718'.repeat(Math.ceil(n / 16)).slice(0, n);
/** Values for strings with a format or pattern (ids, codes, hashes, dates): hostile text cannot fit those. */
const FORMATTED = [
  '310118',
  'advertising.absolute-terms',
  'id:rt_1.a',
  HEX(64),
  `sha256/${HEX(64)}`,
  HEX(32),
  `${HEX(32)}.email.${HEX(16)}`,
  `${'A'.repeat(86)}==`,
  '2026-03-02',
  '2026-03-02T08:30:00.000+08:00',
  '0190f5c8-7b3a-7cde-8f01-23456789abcd',
  'YRD-JOINT',
  'https://example.org/x',
  'officer@example.org',
];

interface Tally {
  hostile: number;
}

const ok = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

/**
 * A value that the zod v4 schema accepts, with hostile text in every free-text string. Walks the
 * schema's definitions (`_zod.def`); an unknown kind throws, so a new construct fails the test
 * instead of being skipped.
 */
function sample(schema: z.ZodType, tally: Tally, path: string): unknown {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (key: string) => def[key] as z.ZodType;
  switch (def.type) {
    case 'string': {
      const [min, max] = lengthRange(def);
      const text = hostileText(min, max);
      if (text.length > 0 && ok(schema, text)) {
        tally.hostile++;
        return text;
      }
      const formatted = FORMATTED.find((v) => ok(schema, v));
      if (formatted === undefined) throw new Error(`${path}: no sample string fits ${JSON.stringify(def)}`);
      return formatted;
    }
    case 'number': {
      const n = [1, 2, 100, 0, 12.5, -1].find((v) => ok(schema, v));
      if (n === undefined) throw new Error(`${path}: no sample number fits`);
      return n;
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'literal':
      return (def['values'] as unknown[])[0];
    case 'enum':
      return Object.values(def['entries'] as Record<string, unknown>)[0];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
      return sample(inner('innerType'), tally, path);
    case 'pipe':
      return sample(inner('in'), tally, path);
    case 'lazy':
      return sample((def['getter'] as () => z.ZodType)(), tally, path);
    case 'array': {
      const two = [0, 1].map((i) => sample(inner('element'), tally, `${path}[${i}]`));
      return ok(schema, two) ? two : two.slice(0, 1);
    }
    case 'record': {
      const keyText = hostileText(1, 40);
      const key = ok(inner('keyType'), keyText) ? keyText : (FORMATTED.find((v) => ok(inner('keyType'), v)) ?? 'k');
      if (key === keyText) tally.hostile++;
      return { [key]: sample(inner('valueType'), tally, `${path}[key]`), plain: sample(inner('valueType'), tally, `${path}.plain`) };
    }
    case 'unknown':
    case 'any':
      tally.hostile += 2;
      return { text: HOSTILE, nested: [HOSTILE, 1, true, null], [hostileText(1, 20)]: 'key' };
    case 'union': {
      for (const option of def['options'] as z.ZodType[]) {
        const trial: Tally = { hostile: 0 };
        const value = sample(option, trial, path);
        if (ok(schema, value)) {
          tally.hostile += trial.hostile;
          return value;
        }
      }
      throw new Error(`${path}: no union option could be sampled`);
    }
    case 'object': {
      const shape = def['shape'] as Record<string, z.ZodType>;
      const full: Record<string, unknown> = {};
      const trial: Tally = { hostile: 0 };
      for (const [k, v] of Object.entries(shape)) full[k] = sample(v, trial, path ? `${path}.${k}` : k);
      if (ok(schema, full)) {
        tally.hostile += trial.hostile;
        return full;
      }
      // A refinement (e.g. exactly one of creditCode/personId): drop one optional field at a time.
      for (const [k, v] of Object.entries(shape)) {
        if ((v as unknown as { _zod: { optin?: string } })._zod.optin !== 'optional') continue;
        const { [k]: _dropped, ...rest } = full;
        if (ok(schema, rest)) {
          tally.hostile += trial.hostile;
          return rest;
        }
      }
      throw new Error(`${path || '(payload)'}: sample does not parse: ${z.prettifyError(schema.safeParse(full).error as z.ZodError)}`);
    }
    default:
      throw new Error(`${path}: the sampler does not know zod type "${def.type}"`);
  }
}

/** A string's length bounds from its checks (min_length / max_length / length_equals). */
function lengthRange(def: Record<string, unknown>): [number, number] {
  let [min, max] = [0, 200];
  for (const check of (def['checks'] as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const c = check._zod.def;
    if (c['check'] === 'min_length') min = Math.max(min, c['minimum'] as number);
    if (c['check'] === 'max_length') max = Math.min(max, c['maximum'] as number);
    if (c['check'] === 'length_equals') [min, max] = [c['length'] as number, c['length'] as number];
  }
  return [min, max];
}

/** The global catalogue plus the notary's events (not yet in @yrd/contracts). */
function everyEventType(): EventDefinition[] {
  const catalog = new EventCatalog(eventCatalog.definitions());
  for (const def of notaryEvents) if (!catalog.get(def.type)) catalog.add(def);
  return catalog.definitions();
}

describe('every event type round-trips hostile text through the store of record (FerretDB)', () => {
  let conn: Connection;
  let store: CommitStore;
  const definitions = everyEventType();
  const catalog = new EventCatalog(definitions);
  const run = uniqueName('rt');

  beforeAll(async () => {
    conn = await mongoose.createConnection(mongoUrlFor(uniqueName('roundtrip_'))).asPromise();
    store = new CommitStore(conn, 'commits_roundtrip');
  });

  afterAll(async () => {
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  it('covers every type of the catalogue and the notary, each with hostile text', () => {
    const types = definitions.map((d) => d.type);
    expect(types).toEqual(expect.arrayContaining(eventCatalog.definitions().map((d) => d.type)));
    expect(types).toEqual(expect.arrayContaining(notaryEvents.map((d) => d.type)));
    expect(new Set(types).size).toBe(eventCatalog.definitions().length + notaryEvents.filter((d) => !eventCatalog.get(d.type)).length);
    for (const def of definitions) {
      const tally: Tally = { hostile: 0 };
      const payload = sample(def.payload, tally, '');
      expect({ type: def.type, parses: def.payload.safeParse(payload).success }).toEqual({ type: def.type, parses: true });
    }
  });

  it('stores one event of each type (concurrently, as group commits batch them) and reads back exactly what was hashed', async () => {
    const withoutHostileText: string[] = [];
    const written = definitions.map((def, i): EventEnvelope => {
      const tally: Tally = { hostile: 0 };
      const payload = sample(def.payload, tally, '') as Record<string, unknown>;
      const [envelope] = chainEvents(
        { streamId: `roundtrip-${run}.${i}`, version: 0, lastHash: null },
        [{ type: def.type, schemaVersion: def.schemaVersion, data: payload }],
        {
          // The actor's id and the correlation id are free text too.
          actor: { userId: hostileText(1, 128), bureau: '310118', role: 'officer' },
          correlationId: hostileText(1, 128),
          causationId: null,
          now: new Date(),
        },
        fixtureSigner('case-intake'),
      );
      if (!envelope) throw new Error('no envelope');
      if (tally.hostile === 0) withoutHostileText.push(def.type);
      return envelope;
    });
    // Every payload has free text today; a sampler that quietly stopped producing it fails here.
    expect(withoutHostileText).toEqual([]);

    await Promise.all(written.map((e) => store.append([e])));

    for (const original of written) {
      const [back, ...more] = await store.readStream(original.streamId);
      expect(more).toEqual([]);
      expect(back).toBeDefined();
      const readBack = back as EventEnvelope;
      expect({ type: original.type, equal: isDeepStrictEqual(readBack, original) }).toEqual({ type: original.type, equal: true });
      expect({ type: original.type, hashVerifies: hasValidHash(readBack) }).toEqual({ type: original.type, hashVerifies: true });
      expect(verifyStream([readBack])).toEqual([]);
      const check = checkEnvelope(readBack, catalog);
      expect({ type: original.type, ok: check.ok, why: check.ok ? undefined : check.error }).toEqual({ type: original.type, ok: true, why: undefined });
    }
    expect(written).toHaveLength(definitions.length);
  });
});

