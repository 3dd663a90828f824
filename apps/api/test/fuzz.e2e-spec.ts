import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsrfToken } from '@kabinet/api-client';
import { CSRF_HEADER } from '@kabinet/shared';
import { ACTORS, addRoleStaff, loginAs, type Actor } from './actors';
import { startTestApp, type TestApp, type TestClient } from './helpers';
import { waitFor } from './wait';

/**
 * The whole API under fuzz, driven by the committed `openapi/openapi.json`: every operation, as
 * every actor, gets requests built from its parameter and body schemas (fast-check arbitraries,
 * fixed seed, a bounded number of runs) and hostile input (NUL, lone surrogates, 10 000
 * characters, huge numbers, wrong types, unknown fields, broken JSON and multipart). Then every
 * field of every operation gets every hostile value once (the sweep), from a valid request of the
 * actor that got the most 2xx answers (and a shorter sweep by one of the other kind, customer or
 * staff: they take different paths through a handler). Whatever comes in, the answer is below
 * 500, and every error is application/problem+json with the HTTP status and a code. All failures
 * are collected and printed together, so one run shows every failing case.
 *
 * A second test checks that the fuzz reached the handlers (valid requests got 2xx answers), so
 * this cannot pass by only ever getting 401s; a third that the spec bounds everything a request
 * carries (numbers, strings, arrays).
 */

const SEED = 20_261_120;
/** Fuzz runs per operation and actor; the sweep adds every hostile value to every field once. */
const RUNS = 8;
const SPEC_PATH = resolve(__dirname, '../../../openapi/openapi.json');

// ---------------------------------------------------------------------------------------------
// The spec

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
  example?: unknown;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  key: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: Schema };
}

interface Spec {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Schema> };
}

const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Operations that end or replace the caller's session run last, in this order: view-as (a staff
 * session turns read-only), then logout (actors log in afresh before each), then the login forms
 * (a fuzzed staff login can lock a login out from 127.0.0.1, so nothing logs in after them).
 */
const LAST = [
  'POST /api/view-as',
  'DELETE /api/view-as',
  'POST /api/auth/logout',
  'POST /api/auth/logout-everywhere',
  'POST /api/auth/otp/request',
  'POST /api/auth/otp/verify',
  'POST /api/auth/staff/login',
];
/** Before these, every actor logs in again: the one before ended the session. */
const FRESH_SESSION = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-everywhere']);

function operations(): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const m of METHODS) {
      const op = item[m] as
        | {
            parameters?: Parameter[];
            requestBody?: { content: Record<string, { schema: Schema }> };
          }
        | undefined;
      if (!op) continue;
      const method = m.toUpperCase() as Operation['method'];
      const content = Object.entries(op.requestBody?.content ?? {})[0];
      ops.push({
        method,
        path,
        key: `${method} ${path}`,
        parameters: op.parameters ?? [],
        body: content ? { contentType: content[0], schema: content[1].schema } : undefined,
      });
    }
  }
  // Reads first (nothing has been changed or removed yet), then writes, then `LAST`.
  const rank = (o: Operation) =>
    LAST.includes(o.key) ? 2 + LAST.indexOf(o.key) : o.method === 'GET' ? 0 : 1;
  return ops.sort((a, b) => rank(a) - rank(b));
}

/** A schema with its `$ref` and `allOf` resolved (siblings win over what they refer to). */
function deref(schema: Schema, depth = 0): Schema {
  if (depth > 20) throw new Error('a $ref cycle');
  let s = schema;
  if (s.$ref) {
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = spec.components.schemas[name];
    if (!target) throw new Error(`no schema ${s.$ref}`);
    const { $ref: _ref, ...rest } = s;
    s = { ...deref(target, depth + 1), ...rest };
  }
  if (s.allOf) {
    const { allOf, ...rest } = s;
    const merged = allOf.reduce<Schema>((acc, part) => ({ ...acc, ...deref(part, depth + 1) }), {});
    s = { ...merged, ...rest };
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Values

/** Text sent as is: a JSON literal no JS value serialises to, or an already encoded URL part. */
class Raw {
  constructor(readonly text: string) {}
}

interface Hostile {
  name: string;
  value: unknown;
}

const h = (name: string, value: unknown): Hostile => ({ name, value });

/** Hostile values for any field: text, numbers, wrong types. */
const HOSTILE: Hostile[] = [
  h('NUL', '\u0000'),
  h('a NUL b', 'a\u0000b'),
  h('lone high surrogate', '\ud800x'),
  h('lone low surrogate', 'x\udfff'),
  h('10k ascii', 'x'.repeat(10_000)),
  h('10k cyrillic', 'я'.repeat(10_000)),
  h('5k emoji', '😀'.repeat(5_000)),
  h('empty string', ''),
  h('spaces', '   '),
  h('control chars', '\t\r\n\u0001\u001b\u007f'),
  h('bidi/bom', '\u202e\ufeff\u0301\uffff'),
  h('percent', '%'),
  h('sql', "' OR 1=1; DROP TABLE contracts; --"),
  h('path traversal', '../../../etc/passwd'),
  h('backslash quote', '\\"\''),
  h('string "1e308"', '1e308'),
  h('string huge int', '99999999999999999999'),
  h('string -1', '-1'),
  h('string NaN', 'NaN'),
  h('string Infinity', 'Infinity'),
  h('string hex', '0x1F'),
  h('string 1.5', '1.5'),
  h('impossible date', '2026-02-30'),
  h('nil uuid', '00000000-0000-0000-0000-000000000000'),
  h('max uuid', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'),
  h('uuid + junk', '00000000-0000-4000-8000-000000000000x'),
  h('__proto__', '__proto__'),
  h('1e308', 1e308),
  h('-1e308', -1e308),
  h('huge int', new Raw('99999999999999999999')),
  h('-huge int', new Raw('-99999999999999999999')),
  h('1e999 (Infinity)', new Raw('1e999')),
  h('-1e999', new Raw('-1e999')),
  h('-1', -1),
  h('0', 0),
  h('-0', new Raw('-0')),
  h('1.5', 1.5),
  h('tiny', 5e-324),
  h('2^53+2', 2 ** 53 + 2),
  h('1.0', new Raw('1.0')),
  h('null', null),
  h('true', true),
  h('false', false),
  h('empty array', []),
  h('array of strings', ['a', 'b']),
  h('nested arrays', [[[[]]]]),
  h('empty object', {}),
  h('object', { a: 1 }),
  h('mongo operator', { $gt: '' }),
  h('__proto__ object', new Raw('{"__proto__":{"polluted":true}}')),
  h('string "abc"', 'abc'),
  h('number 12', 12),
  h('deep nesting', new Raw(`${'['.repeat(5000)}${']'.repeat(5000)}`)),
];

/** More for URL parts: malformed percent-encoding and encoded bytes that are not UTF-8. */
const HOSTILE_URL: Hostile[] = [
  h('%00', new Raw('%00')),
  h('encoded lone surrogate', new Raw('%ED%A0%80')),
  h('invalid UTF-8', new Raw('%FF%FE')),
  h('overlong UTF-8', new Raw('%C0%AF')),
  h('bad percent', new Raw('%zz')),
  h('cut percent', new Raw('%E0%A4%A')),
  h('encoded slash', new Raw('a%2F..%2Fb')),
  h('encoded NUL + uuid', new Raw('00000000-0000-4000-8000-000000000000%00')),
];

/** JSON text of a value with `Raw` parts; `JSON.stringify` escapes lone surrogates (`\ud800`). */
function jsonText(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Percent-encodes text; a lone surrogate becomes its WTF-8 bytes (not valid UTF-8). */
function encodeUrlPart(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(text[i]!);
    }
  }
  return out;
}

function urlText(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (typeof value === 'string') return encodeUrlPart(value);
  if (value !== null && typeof value === 'object') return encodeUrlPart(jsonText(value));
  return encodeUrlPart(String(value));
}

/** `name=value` pairs of a query parameter: an array repeats it, an object nests it. */
function queryPairs(name: string, value: unknown): string[] {
  const key = encodeUrlPart(name);
  if (value === undefined) return [];
  if (value === null) return [key];
  if (value instanceof Raw) return [`${key}=${value.text}`];
  if (Array.isArray(value)) return value.flatMap((v) => queryPairs(name, v));
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => queryPairs(`${name}[${k}]`, v));
  }
  return [`${key}=${urlText(value)}`];
}

/** A header value as bytes on the wire: its UTF-8 read as Latin-1. */
function headerText(value: unknown): string {
  const text =
    value instanceof Raw ? value.text : typeof value === 'string' ? value : jsonText(value);
  // Control characters (NUL, CR, LF and the rest but tab) cannot be sent: fetch refuses them, as
  // Node's HTTP parser would.
  const sendable = (ch: string) => ch === '\t' || (ch >= ' ' && ch !== '\x7f');
  return [...Buffer.from(text, 'utf8').toString('latin1')].filter(sendable).join('');
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

interface Fixtures {
  contracts: string[];
  customers: string[];
  staff: string[];
  notifications: string[];
  documents: { id: string; contractId: string }[];
  exchangeFiles: string[];
  changeRequests: string[];
  chats: string[];
  attachments: string[];
  shares: string[];
  participants: { id: string; chatId: string }[];
  /** Messages (with their chat) to ask approval of, to approve, to reject, to revoke. */
  approvals: Record<ApprovalFixture, { id: string; messageId: string }[]>;
  /** Pictures sent in chats (with their chat), to pin comments to. */
  pictures: { id: string; attachmentId: string }[];
  logo: string | null;
  all: string[];
}

type ApprovalFixture = 'request' | 'approve' | 'reject' | 'revoke';

/**
 * Staff messages in every contract chat for the approval routes (none asked yet; pending ones to
 * approve and to reject; approved ones to revoke), and a picture in each for the pins.
 */
async function approvalFixtures(t: TestApp): Promise<Pick<Fixtures, 'approvals' | 'pictures'>> {
  const approvals: Fixtures['approvals'] = { request: [], approve: [], reject: [], revoke: [] };
  const pictures: Fixtures['pictures'] = [];
  const chats = await t.sql<{
    id: string;
    contract_id: string;
    customer_id: string;
    staff_id: string;
  }>(
    `SELECT ch.id, ch.contract_id, ch.customer_id,
            COALESCE((SELECT p.staff_user_id FROM chat_participants p WHERE p.chat_id = ch.id
                      AND p.staff_user_id IS NOT NULL LIMIT 1),
                     (SELECT id FROM staff_users WHERE login = 'admin')) AS staff_id
     FROM chats ch WHERE ch.kind = 'contract' ORDER BY ch.number`,
  );
  for (const chat of chats) {
    const message = async (body: string) =>
      (
        await t.sql<{ id: string }>(
          `INSERT INTO chat_messages (chat_id, kind, author_staff_id, body)
           VALUES ($1, 'text', $2, $3) RETURNING id::text`,
          [chat.id, chat.staff_id, body],
        )
      )[0]!.id;
    for (const kind of ['request', 'approve', 'reject', 'revoke'] as const) {
      for (let i = 0; i < 3; i++) {
        const messageId = await message(`fuzz ${kind} ${i}`);
        approvals[kind].push({ id: chat.id, messageId });
        if (kind === 'request') continue;
        const state = kind === 'revoke' ? 'approved' : 'pending';
        const [approval] = await t.sql<{ id: string }>(
          `INSERT INTO chat_approvals (message_id, chat_id, contract_id, state)
           VALUES ($1, $2, $3, $4) RETURNING id`,
          [messageId, chat.id, chat.contract_id, state],
        );
        await t.sql(
          `INSERT INTO chat_approval_steps (approval_id, action, staff_user_id)
           VALUES ($1, 'requested', $2)`,
          [approval!.id, chat.staff_id],
        );
        if (state === 'approved') {
          await t.sql(
            `INSERT INTO chat_approval_steps (approval_id, action, customer_id, at)
             VALUES ($1, 'approved', $2, clock_timestamp())`,
            [approval!.id, chat.customer_id],
          );
        }
      }
    }
    const withPicture = await message('fuzz picture');
    const [picture] = await t.sql<{ id: string }>(
      `INSERT INTO chat_attachments (chat_id, message_id, uploaded_by_staff_id, name, size, mime,
                                     kind, width, height, storage_key)
       VALUES ($1, $2, $3, 'fuzz.png', 68, 'image/png', 'image', 1, 1, $4) RETURNING id`,
      [chat.id, withPicture, chat.staff_id, `fuzz/${withPicture}`],
    );
    pictures.push({ id: chat.id, attachmentId: picture!.id });
  }
  return { approvals, pictures };
}

/** Real ids for a uuid field, by its name. */
function idsFor(name: string, fx: Fixtures): string[] {
  if (/customer/i.test(name)) return fx.customers;
  if (/manager|staff/i.test(name)) return fx.staff;
  if (name === 'ids') return fx.notifications;
  return fx.all;
}

/** Values the schema allows (plus its example: a phone, a login that looks right). */
function validArb(schema: Schema, name: string, fx: Fixtures, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(schema);
  const base = ((): fc.Arbitrary<unknown> => {
    if (s.enum) return fc.constantFrom(...s.enum);
    const example = s.example !== undefined ? [fc.constant(s.example)] : [];
    switch (s.type) {
      case 'string': {
        if (s.format === 'uuid') {
          const ids = idsFor(name, fx);
          return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
        }
        if (s.format === 'date' || s.format === 'date-time') {
          const d = fc.date({
            min: new Date('2000-01-01T00:00:00Z'),
            max: new Date('2040-12-31T00:00:00Z'),
            noInvalidDate: true,
          });
          return d.map((x) =>
            s.format === 'date' ? x.toISOString().slice(0, 10) : x.toISOString(),
          );
        }
        if (s.pattern) return fc.oneof(...example, fc.stringMatching(new RegExp(s.pattern)));
        // A phone is free text to the spec (any common way of writing one), but random text is
        // rarely one: mostly the example, so the handler behind the phone check is reached.
        if (/phone/i.test(name) && example.length) {
          return fc.oneof(
            { weight: 3, arbitrary: example[0]! },
            { weight: 1, arbitrary: fc.string() },
          );
        }
        const minLength = s.minLength ?? 0;
        const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 40, 120));
        return fc.oneof(
          ...example,
          fc.string({ unit: 'grapheme-composite', minLength, maxLength }),
          fc.string({ minLength, maxLength }),
        );
      }
      case 'number':
      case 'integer': {
        const min = s.minimum ?? -1000;
        const max = s.maximum ?? min + 1000;
        return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      }
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(s.items ? validArb(s.items, name, fx, depth + 1) : fc.string(), {
          minLength: s.minItems ?? 0,
          maxLength: Math.min(s.maxItems ?? 4, 4),
        });
      case 'object':
      case undefined: {
        if (!s.properties || depth > 5) return fc.constant({});
        const props = Object.fromEntries(
          Object.entries(s.properties).map(([k, v]) => [k, validArb(v, k, fx, depth + 1)]),
        );
        const required = s.required ?? [];
        // Now and then only what is required: a request with every optional field set at once
        // rarely fits together (a deadline without asking for approval), the bare one does.
        return fc.oneof(
          { weight: 3, arbitrary: fc.record(props, { requiredKeys: required }) },
          {
            weight: 1,
            arbitrary: fc.record(
              Object.fromEntries(Object.entries(props).filter(([k]) => required.includes(k))),
            ),
          },
        );
      }
      default:
        return fc.string();
    }
  })();
  return s.nullable
    ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: base })
    : base;
}

/** A field's value as sent, with a note on what was hostile about it. */
interface Field {
  value: unknown;
  note?: string;
}

const hostileArb = (list: Hostile[]): fc.Arbitrary<Field> =>
  fc.constantFrom(...list).map((x) => ({ value: x.value, note: x.name }));

/** Mostly valid, sometimes hostile, sometimes left out. */
function fieldArb(schema: Schema, name: string, fx: Fixtures, hostile: Hostile[]) {
  return fc.oneof(
    { weight: 3, arbitrary: validArb(schema, name, fx).map((value): Field => ({ value })) },
    { weight: 2, arbitrary: hostileArb(hostile) },
    { weight: 1, arbitrary: fc.constant<Field>({ value: undefined, note: 'left out' }) },
  );
}

// ---------------------------------------------------------------------------------------------
// Requests

interface Body {
  contentType?: string;
  data: string | Uint8Array<ArrayBuffer>;
}

interface Req {
  /** Parameters as sent (path and query values raw; they are encoded when the URL is built). */
  path: Record<string, Field>;
  query: Record<string, Field>;
  headers: Record<string, Field>;
  body?: Body;
  /** What was wrong with the body, if anything. */
  bodyNote?: string;
  /** Built from the schema only: a handler should see it (and mostly say 2xx). */
  valid: boolean;
}

function url(op: Operation, req: Req): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    urlText(req.path[name]?.value ?? ''),
  );
  const pairs = Object.entries(req.query).flatMap(([k, f]) => queryPairs(k, f.value));
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

function notes(req: Req): string {
  const list = [
    ...Object.entries(req.path).map(([k, f]) => f.note && `path.${k}: ${f.note}`),
    ...Object.entries(req.query).map(([k, f]) => f.note && `query.${k}: ${f.note}`),
    ...Object.entries(req.headers).map(([k, f]) => f.note && `header.${k}: ${f.note}`),
    req.bodyNote,
  ].filter(Boolean);
  return list.length ? list.join('; ') : req.valid ? 'valid' : 'valid values (mixed run)';
}

const bytes = (data: string | number[]) =>
  Uint8Array.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

/** Whole JSON bodies that are wrong: not JSON, not an object, not UTF-8, wrong content type. */
const BAD_JSON_BODIES: { note: string; body: Body }[] = [
  { note: 'empty body', body: { contentType: 'application/json', data: '' } },
  { note: 'cut JSON', body: { contentType: 'application/json', data: '{"a":' } },
  { note: 'JSON null', body: { contentType: 'application/json', data: 'null' } },
  { note: 'JSON array', body: { contentType: 'application/json', data: '[{}]' } },
  { note: 'JSON string', body: { contentType: 'application/json', data: '"x"' } },
  {
    note: 'JSON huge number',
    body: { contentType: 'application/json', data: '99999999999999999999' },
  },
  { note: 'JSON 1e999', body: { contentType: 'application/json', data: '1e999' } },
  { note: 'raw NUL', body: { contentType: 'application/json', data: '\u0000' } },
  {
    note: '__proto__',
    body: { contentType: 'application/json', data: '{"__proto__":{"polluted":true}}' },
  },
  {
    note: 'constructor.prototype',
    body: { contentType: 'application/json', data: '{"constructor":{"prototype":{"x":1}}}' },
  },
  { note: 'duplicate keys', body: { contentType: 'application/json', data: '{"a":1,"a":2}' } },
  {
    note: 'deep nesting',
    body: { contentType: 'application/json', data: `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
  },
  {
    note: 'invalid UTF-8',
    body: {
      contentType: 'application/json',
      data: bytes([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    },
  },
  { note: 'UTF-8 BOM', body: { contentType: 'application/json', data: '\ufeff{}' } },
  {
    note: 'latin1 charset',
    body: { contentType: 'application/json; charset=latin1', data: '{}' },
  },
  { note: 'text/plain', body: { contentType: 'text/plain', data: '{}' } },
  {
    note: 'form-urlencoded',
    body: { contentType: 'application/x-www-form-urlencoded', data: 'a=1&b' },
  },
  { note: 'no content type', body: { data: '{}' } },
  { note: 'bogus content type', body: { contentType: '%%%/;;;', data: '{}' } },
  {
    note: 'multipart to a JSON route',
    body: {
      contentType: 'multipart/form-data; boundary=x',
      data: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
    },
  },
  {
    note: '2 MB body',
    body: { contentType: 'application/json', data: `{"a":"${'x'.repeat(2 * 1024 * 1024)}"}` },
  },
];

const BOUNDARY = '----kabinetFuzzBoundary';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const XML_1C = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<КоммерческаяИнформация ВерсияСхемы="2.10"/>\n',
);

function filePart(
  name: string,
  filename: string | null,
  content: Buffer,
  type = 'application/octet-stream',
) {
  const disposition =
    filename === null
      ? `form-data; name="${name}"`
      : `form-data; name="${name}"; filename="${filename}"`;
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from('\r\n'),
  ]);
}
const multipart = (...parts: Buffer[]): Body => ({
  contentType: MULTIPART,
  data: Uint8Array.from(Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)])),
});

/** A valid upload for the route (an image for the logo, an XML file for the exchange). */
function goodFile(op: Operation): { name: string; content: Buffer } {
  if (op.path.includes('logo')) return { name: 'logo.png', content: PNG_1PX };
  if (op.path.includes('attachments')) return { name: 'photo.png', content: PNG_1PX };
  return { name: 'fuzz.xml', content: XML_1C };
}

/** Multipart bodies: one valid, the rest broken every way a client could break them. */
function multipartBodies(op: Operation): { note?: string; body: Body }[] {
  const file = goodFile(op);
  const withName = (filename: string) => multipart(filePart('file', filename, file.content));
  return [
    { body: withName(file.name) },
    { note: 'empty file name', body: withName('') },
    { note: 'NUL in file name', body: withName('a\u0000.xml') },
    { note: 'lone surrogate in file name', body: withName('\ud800.xml') },
    { note: '10k file name', body: withName(`${'x'.repeat(10_000)}.xml`) },
    { note: 'path in file name', body: withName('../../../etc/passwd.xml') },
    { note: 'quote in file name', body: withName('a".xml') },
    { note: 'only a boundary', body: { contentType: MULTIPART, data: `--${BOUNDARY}--\r\n` } },
    { note: 'cut after boundary', body: { contentType: MULTIPART, data: `--${BOUNDARY}\r\n` } },
    {
      note: 'cut inside file',
      body: {
        contentType: MULTIPART,
        data: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.xml"\r\n\r\n<x>`,
      },
    },
    { note: 'empty multipart body', body: { contentType: MULTIPART, data: '' } },
    { note: 'no file part', body: multipart(filePart('other', null, Buffer.from('x'))) },
    { note: 'file as a plain field', body: multipart(filePart('file', null, Buffer.from('x'))) },
    { note: 'wrong part name', body: multipart(filePart('upload', file.name, file.content)) },
    {
      note: 'two files',
      body: multipart(
        filePart('file', file.name, file.content),
        filePart('file', file.name, file.content),
      ),
    },
    { note: 'empty file', body: multipart(filePart('file', file.name, Buffer.alloc(0))) },
    {
      note: 'not the right kind of file',
      body: multipart(filePart('file', file.name, Buffer.from('\u0000\u0001junk'))),
    },
    { note: 'no boundary', body: { contentType: 'multipart/form-data', data: '--nope\r\n\r\n' } },
    {
      note: 'bad headers in part',
      body: {
        contentType: MULTIPART,
        data: `--${BOUNDARY}\r\n\u0000\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
      },
    },
    { note: 'not multipart (JSON)', body: { contentType: 'application/json', data: '{}' } },
    { note: 'not multipart (text)', body: { contentType: 'text/plain', data: 'x' } },
    { note: 'no body', body: { data: '' } },
  ];
}

/** Path parameters that fit together (a document of its contract) from the demo data. */
function realPathParams(op: Operation, fx: Fixtures): Record<string, string>[] {
  if (op.path.includes('{documentId}')) {
    return fx.documents.map((d) => ({ id: d.contractId, documentId: d.id }));
  }
  if (op.path.includes('{participantId}')) {
    return fx.participants.map((p) => ({ id: p.chatId, participantId: p.id }));
  }
  if (op.path.includes('{messageId}')) {
    const action = /\/approval\/(approve|reject|revoke)$/.exec(op.path)?.[1] as
      ApprovalFixture | undefined;
    return fx.approvals[action ?? 'request'];
  }
  if (op.path.includes('{attachmentId}')) return fx.pictures;
  if (op.path.startsWith('/api/chats/{id}')) return fx.chats.map((id) => ({ id }));
  if (op.path.startsWith('/api/shares/{id}')) return fx.shares.map((id) => ({ id }));
  if (op.path.startsWith('/api/chat-attachments/{id}')) return fx.attachments.map((id) => ({ id }));
  if (op.path.startsWith('/api/contracts/{id}')) return fx.contracts.map((id) => ({ id }));
  if (op.path.startsWith('/api/exchange/files/{id}')) return fx.exchangeFiles.map((id) => ({ id }));
  if (op.path.startsWith('/api/change-requests/{id}')) {
    return fx.changeRequests.map((id) => ({ id }));
  }
  if (op.path.includes('{fileId}') && fx.logo) return [{ fileId: fx.logo }];
  return [];
}

const paramsIn = (op: Operation, where: Parameter['in']) =>
  op.parameters.filter((p) => p.in === where);

/** A request with schema-valid values only (optional parameters sometimes left out). */
function validRequestArb(op: Operation, fx: Fixtures): fc.Arbitrary<Req> {
  const pathNames = paramsIn(op, 'path').map((p) => p.name);
  const real = realPathParams(op, fx);
  const genericPath = fc.record(
    Object.fromEntries(
      pathNames.map((n) => [
        n,
        fx.all.length ? fc.oneof(fc.constantFrom(...fx.all), fc.uuid()) : fc.uuid(),
      ]),
    ),
  );
  const path: fc.Arbitrary<Record<string, unknown>> = real.length
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...real) },
        { weight: 1, arbitrary: genericPath },
      )
    : genericPath;
  const optional = (p: Parameter) => {
    const arb = validArb(p.schema ?? { type: 'string' }, p.name, fx);
    return p.required ? arb : fc.option(arb, { nil: undefined });
  };
  const query = fc.record(
    Object.fromEntries(paramsIn(op, 'query').map((p) => [p.name, optional(p)])),
  );
  const headers = fc.record(
    Object.fromEntries(paramsIn(op, 'header').map((p) => [p.name, optional(p)])),
  );
  const body: fc.Arbitrary<Body | undefined> = !op.body
    ? fc.constant(undefined)
    : op.body.contentType === 'multipart/form-data'
      ? fc.constant(multipartBodies(op)[0]!.body)
      : validArb(op.body.schema, 'body', fx).map((v) => ({
          contentType: op.body!.contentType,
          data: jsonText(v),
        }));
  const wrap = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).map(([k, value]) => [k, { value }]));
  return fc.record({ path, query, headers, body }).map((r): Req => ({
    path: wrap(r.path),
    query: wrap(r.query),
    headers: wrap(r.headers),
    body: r.body,
    valid: true,
  }));
}

/** Unknown fields next to the schema's own. */
const EXTRA: Hostile[] = [
  h('unknown field', { zzz: 1 }),
  h('unknown NUL key', { 'a\u0000': true }),
  h('unknown __proto__ key', { ['__proto__']: { polluted: true } }),
];

/** A JSON body, each property valid or hostile or left out, sometimes with unknown fields. */
function mixedJsonBodyArb(
  op: Operation,
  fx: Fixtures,
): fc.Arbitrary<{ data: string; note?: string }> {
  const s = deref(op.body!.schema);
  const props = Object.entries(s.properties ?? {});
  const fields = fc.record(
    Object.fromEntries(props.map(([k, v]) => [k, fieldArb(v, k, fx, HOSTILE)])),
  ) as fc.Arbitrary<Record<string, Field>>;
  const extra = fc.option(fc.constantFrom(...EXTRA), { nil: undefined });
  return fc.tuple(fields, extra).map(([f, x]) => {
    const data = `{${[
      ...Object.entries(f)
        .filter(([, v]) => v.value !== undefined)
        .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v.value)}`),
      ...(x ? [jsonText(x.value).slice(1, -1)].filter(Boolean) : []),
    ].join(',')}}`;
    const note = [
      ...Object.entries(f)
        .filter(([, v]) => v.note)
        .map(([k, v]) => `body.${k}: ${v.note}`),
      ...(x ? [`body: ${x.name}`] : []),
    ].join('; ');
    return { data, note: note || undefined };
  });
}

/** A request where any part may be hostile. */
function hostileRequestArb(op: Operation, fx: Fixtures): fc.Arbitrary<Req> {
  const hostileField = (p: Parameter, list: Hostile[]) =>
    fieldArb(p.schema ?? { type: 'string' }, p.name, fx, list);
  const record = (where: Parameter['in'], list: Hostile[]) =>
    fc.record(
      Object.fromEntries(paramsIn(op, where).map((p) => [p.name, hostileField(p, list)])),
    ) as fc.Arbitrary<Record<string, Field>>;
  const extraQuery = fc.option(
    fc.constantFrom<Field>(
      { value: '1', note: 'unknown parameter' },
      { value: '\u0000', note: 'unknown parameter with NUL' },
    ),
    { nil: undefined, freq: 4 },
  );
  let body: fc.Arbitrary<{ body?: Body; note?: string }>;
  if (!op.body) {
    // A body where none is expected (not for GET: fetch cannot send one).
    body =
      op.method === 'GET'
        ? fc.constant({})
        : fc.oneof(
            { weight: 3, arbitrary: fc.constant({}) },
            { weight: 1, arbitrary: fc.constantFrom(...BAD_JSON_BODIES) },
          );
  } else if (op.body.contentType === 'multipart/form-data') {
    body = fc.constantFrom(...multipartBodies(op));
  } else {
    const contentType = op.body.contentType;
    body = fc.oneof(
      {
        weight: 4,
        arbitrary: mixedJsonBodyArb(op, fx).map((b) => ({
          body: { contentType, data: b.data },
          note: b.note,
        })),
      },
      {
        weight: 1,
        arbitrary: hostileArb(HOSTILE).map((f) => ({
          body: { contentType, data: jsonText(f.value) },
          note: `body is ${f.note}`,
        })),
      },
      { weight: 1, arbitrary: fc.constantFrom(...BAD_JSON_BODIES) },
    );
  }
  const pathArb = fc.oneof(
    { weight: 2, arbitrary: validRequestArb(op, fx).map((r) => r.path) },
    { weight: 3, arbitrary: record('path', [...HOSTILE, ...HOSTILE_URL]) },
  );
  return fc
    .record({
      path: pathArb,
      query: record('query', [...HOSTILE, ...HOSTILE_URL]),
      extraQuery,
      headers: record('header', HOSTILE),
      body,
    })
    .map((r): Req => ({
      path: r.path,
      query: r.extraQuery ? { ...r.query, zzz: r.extraQuery } : r.query,
      headers: r.headers,
      body: r.body.body,
      bodyNote: r.body.note && `body: ${r.body.note}`.replace('body: body', 'body'),
      valid: false,
    }));
}

/** The hostile values the second sweep actor sends: one of each kind. */
const SHORT = new Set([
  'NUL',
  'lone high surrogate',
  '10k cyrillic',
  '1e308',
  'huge int',
  '-1',
  'null',
  'array of strings',
  'object',
  '%00',
  'encoded lone surrogate',
  'invalid UTF-8',
]);

/**
 * The sweep, from a valid request: each real object (contract, document, file) once, then every
 * hostile value in every field once (a `full` sweep; else the `SHORT` ones), and every broken
 * body once (a full sweep).
 */
function sweep(op: Operation, base: Req, fx: Fixtures, full: boolean): Req[] {
  const pick = (list: Hostile[]) => (full ? list : list.filter((x) => SHORT.has(x.name)));
  const out: Req[] = [];
  const variant = (patch: Partial<Req>): Req => ({ ...base, ...patch, valid: false });
  for (const real of realPathParams(op, fx)) {
    const path = Object.fromEntries(Object.entries(real).map(([k, value]) => [k, { value }]));
    out.push({ ...base, path, valid: true });
  }
  for (const p of op.parameters) {
    const where =
      p.in === 'path' ? 'path' : p.in === 'query' ? 'query' : p.in === 'header' ? 'headers' : null;
    if (!where) continue;
    for (const x of pick(where === 'headers' ? HOSTILE : [...HOSTILE, ...HOSTILE_URL])) {
      out.push(
        variant({ [where]: { ...base[where], [p.name]: { value: x.value, note: x.name } } }),
      );
    }
  }
  out.push(variant({ query: { ...base.query, zzz: { value: '1', note: 'unknown parameter' } } }));
  const bodies = (list: { note?: string; body: Body }[]) => {
    for (const b of full ? list : [])
      out.push(variant({ body: b.body, bodyNote: `body: ${b.note}` }));
  };
  if (op.body?.contentType === 'multipart/form-data') {
    bodies(multipartBodies(op).slice(1));
  } else if (op.body) {
    const contentType = op.body.contentType;
    const json = (value: unknown, bodyNote: string) =>
      out.push(variant({ body: { contentType, data: jsonText(value) }, bodyNote }));
    const valid = base.body
      ? (JSON.parse(base.body.data as string) as Record<string, unknown>)
      : {};
    for (const k of Object.keys(deref(op.body.schema).properties ?? {})) {
      for (const x of pick(HOSTILE)) json({ ...valid, [k]: x.value }, `body.${k}: ${x.name}`);
    }
    for (const x of EXTRA) json({ ...valid, ...(x.value as object) }, `body: ${x.name}`);
    for (const x of pick(HOSTILE)) json(x.value, `body is ${x.name}`);
    bodies(BAD_JSON_BODIES);
  } else if (op.method !== 'GET') {
    bodies(BAD_JSON_BODIES);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The run

const CUSTOMERS: Actor[] = ['customerA', 'customerB'];

interface Failure {
  op: string;
  actor: Actor;
  input: string;
  request: string;
  status: number | string;
  reason: string;
  body: string;
}

interface Tally {
  /** Statuses of the schema-valid requests, per actor. */
  valid: Map<Actor, number[]>;
  /** Statuses of all requests. */
  all: number[];
}

const short = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

function bodySummary(body?: Body, length = 120): string {
  if (!body) return '';
  const type = body.contentType ?? '(no content type)';
  const data =
    typeof body.data === 'string'
      ? short(JSON.stringify(body.data), length)
      : `bytes ${short(Buffer.from(body.data).toString('hex'), length)}`;
  return ` [${type}] ${data}`;
}

/** Fixed per operation and actor, so adding a route does not change the others' cases. */
function seedOf(text: string): number {
  let x = SEED;
  for (let i = 0; i < text.length; i++) x = (Math.imul(x, 31) + text.charCodeAt(i)) | 0;
  return x;
}

describe('fuzz (driven by openapi/openapi.json)', () => {
  let t: TestApp;
  let fx: Fixtures;
  const clients = new Map<Actor, TestClient>();
  const failures: Failure[] = [];
  const tallies = new Map<string, Tally>();
  /** A valid request that got a 2xx, per operation and actor: where the sweep starts. */
  const succeeded = new Map<string, Req>();
  let requests = 0;
  let swept = 0;
  let ran = false;

  async function login(actor: Actor): Promise<TestClient> {
    // Keep clear of the per-phone code limits.
    if (actor === 'customerA' || actor === 'customerB') t.clock.advance(11 * 60 * 1000);
    return loginAs(t, actor);
  }

  async function loginAll() {
    for (const actor of ACTORS) clients.set(actor, await login(actor));
  }

  beforeAll(async () => {
    t = await startTestApp();
    await t.settle();
    await addRoleStaff(t);
    await loginAll();
    // Fixtures the demo lacks: a logo to fetch and change requests to resolve.
    const admin = clients.get('admin')!;
    const logo = await admin.fetch(`${t.baseUrl}/api/company/logo`, {
      method: 'PUT',
      headers: { 'content-type': MULTIPART, [CSRF_HEADER]: csrf(admin) },
      body: multipart(filePart('file', 'logo.png', PNG_1PX, 'image/png')).data,
    });
    expect(logo.status, await logo.text()).toBe(200);
    for (const [actor, value] of [
      ['customerA', 'fuzz-a@example.ru'],
      ['customerB', 'fuzz-b@example.ru'],
    ] as const) {
      const c = clients.get(actor)!;
      const res = await c.post('/api/profile/change-requests', { field: 'email', value });
      expect(res.status, await res.text()).toBe(201);
    }
    // A picture sent in customer A's contract chat, for the attachment routes.
    const [ownContract] = await t.sql<{ id: string }>(
      `SELECT id FROM contracts WHERE number = 'ГМ-000101'`,
    );
    const [ownChat] = await t.sql<{ id: string }>(
      `SELECT ch.id FROM chats ch JOIN contracts c ON c.id = ch.contract_id
       WHERE c.number = 'ГМ-000101' AND ch.kind = 'contract'`,
    );
    const customerA = clients.get('customerA')!;
    const picture = await customerA.fetch(`${t.baseUrl}/api/chats/${ownChat!.id}/attachments`, {
      method: 'POST',
      headers: { 'content-type': MULTIPART, [CSRF_HEADER]: csrf(customerA) },
      body: multipart(filePart('file', 'photo.png', PNG_1PX, 'image/png')).data,
    });
    expect(picture.status, await picture.clone().text()).toBe(201);
    const sentPicture = await customerA.post(`/api/chats/${ownChat!.id}/messages`, {
      clientId: '7d9f2f4e-8f0e-4c1a-9a53-0d5c1c4f9e11',
      body: 'Фото участка',
      attachmentIds: [((await picture.json()) as { id: string }).id],
    });
    expect(sentPicture.status, await sentPicture.text()).toBe(201);
    // Shares of customer A's contract, for the routes that change or revoke one.
    for (const phone of ['+79160000101', '+79160000102', '+79160000103']) {
      const shared = await customerA.post(`/api/contracts/${ownContract!.id}/shares`, {
        phone,
        access: 'read',
      });
      expect(shared.status, await shared.text()).toBe(201);
    }
    // A file through the exchange for the file routes: one that fails has a report too.
    const upload = await admin.fetch(`${t.baseUrl}/api/exchange/uploads`, {
      method: 'POST',
      headers: { 'content-type': MULTIPART, [CSRF_HEADER]: csrf(admin) },
      body: multipart(
        filePart('file', 'fuzz-fixture.xml', Buffer.from('<?xml version="1.0"?><cut')),
      ).data,
    });
    expect(upload.status, await upload.text()).toBe(202);
    await waitFor('the uploaded file to be processed', async () => {
      const rows = await t.sql<{ status: string }>(
        `SELECT status FROM exchange_files WHERE name = 'fuzz-fixture.xml'`,
      );
      return rows[0] && rows[0].status !== 'importing' ? rows[0].status : undefined;
    }).then((status) => expect(status).toBe('failed'));
    const ids = async (sql: string) => (await t.sql<{ id: string }>(sql)).map((r) => r.id);
    fx = {
      contracts: await ids('SELECT id FROM contracts ORDER BY number'),
      customers: await ids('SELECT id FROM customers ORDER BY id'),
      staff: await ids('SELECT id FROM staff_users ORDER BY login'),
      notifications: await ids('SELECT id FROM notifications ORDER BY id LIMIT 20'),
      documents: (
        await t.sql<{ id: string; contract_id: string }>(
          'SELECT id, contract_id FROM contract_documents ORDER BY id',
        )
      ).map((r) => ({ id: r.id, contractId: r.contract_id })),
      exchangeFiles: await ids('SELECT id FROM exchange_files ORDER BY id'),
      changeRequests: await ids('SELECT id FROM profile_change_requests ORDER BY id'),
      chats: await ids('SELECT id FROM chats ORDER BY number'),
      attachments: await ids('SELECT id FROM chat_attachments ORDER BY id'),
      shares: await ids('SELECT id FROM contract_shares ORDER BY id'),
      participants: (
        await t.sql<{ id: string; chat_id: string }>(
          `SELECT id, chat_id FROM chat_participants WHERE staff_user_id IS NOT NULL ORDER BY id`,
        )
      ).map((r) => ({ id: r.id, chatId: r.chat_id })),
      ...(await approvalFixtures(t)),
      logo:
        (await t.sql<{ id: string | null }>('SELECT logo_file_id AS id FROM company_profile'))[0]
          ?.id ?? null,
      all: [],
    };
    fx.all = [
      ...fx.contracts,
      ...fx.customers,
      ...fx.documents.map((d) => d.id),
      ...fx.exchangeFiles,
      ...fx.chats,
    ];
  }, 180_000);
  afterAll(() => t?.close());

  function csrf(c: TestClient): string {
    return readCsrfToken([...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ')) ?? '';
  }

  /** Sends the request and checks the answer; returns its status (0: none). */
  async function send(op: Operation, actor: Actor, req: Req): Promise<number> {
    const client = clients.get(actor)!;
    const target = url(op, req);
    const headers: Record<string, string> = { [CSRF_HEADER]: csrf(client) };
    for (const [k, f] of Object.entries(req.headers)) {
      if (f.value !== undefined) headers[k] = headerText(f.value);
    }
    if (req.body?.contentType) headers['content-type'] = req.body.contentType;
    const request = `${op.method} ${short(target, 200)}${bodySummary(req.body)}`;
    const tally: Tally = tallies.get(op.key) ?? { valid: new Map(), all: [] };
    tallies.set(op.key, tally);
    const fail = (status: number | string, reason: string, body: string) =>
      failures.push({
        op: op.key,
        actor,
        input: notes(req),
        request,
        status,
        reason,
        body: short(body, 300),
      });
    requests++;
    let res: Response;
    try {
      res = await client.fetch(`${t.baseUrl}${target}`, {
        method: op.method,
        headers,
        body: req.body && op.method !== 'GET' ? req.body.data : undefined,
      });
    } catch (err) {
      const cause = String((err as Error).cause ?? '');
      fail('no answer', `the request failed: ${(err as Error).message}`, cause);
      return 0;
    }
    const text = await res.text();
    tally.all.push(res.status);
    if (req.valid) tally.valid.set(actor, [...(tally.valid.get(actor) ?? []), res.status]);
    if (req.valid && res.status < 300) succeeded.set(`${op.key} ${actor}`, req);
    const wrong = problemError(res.status, res.headers.get('content-type') ?? '', text);
    if (wrong) fail(res.status, wrong, text);
    return res.status;
  }

  /**
   * The actors whose valid requests got the most 2xx (one customer, one staff member: they take
   * different paths through a handler), best first; anonymous when nobody got past the guard.
   */
  function sweepActors(op: Operation): Actor[] {
    const tally = tallies.get(op.key);
    const score = (a: Actor) => {
      const statuses = tally?.valid.get(a) ?? [];
      return (
        statuses.filter((s) => s < 300).length * 1000 +
        statuses.filter((s) => s !== 401 && s !== 403).length
      );
    };
    const best = (list: Actor[]) => list.reduce((x, y) => (score(y) > score(x) ? y : x));
    const picked = [
      best(CUSTOMERS),
      best(ACTORS.filter((a) => a !== 'anonymous' && !CUSTOMERS.includes(a))),
    ]
      .filter((a) => score(a) > 0)
      .sort((a, b) => score(b) - score(a));
    return picked.length ? picked : ['anonymous'];
  }

  it('answers every request below 500, every error as problem+json with its status and code', async () => {
    const started = Date.now();
    for (const op of operations()) {
      if (FRESH_SESSION.has(op.key)) await loginAll();
      const valid = validRequestArb(op, fx);
      const arb = fc.oneof(
        { weight: 2, arbitrary: valid },
        { weight: 3, arbitrary: hostileRequestArb(op, fx) },
      );
      // Actors run side by side (each one's requests in order), as different browsers would.
      await Promise.all(
        ACTORS.map(async (actor) => {
          const seed = seedOf(`${op.key} ${actor}`);
          const statuses: number[] = [];
          for (const req of fc.sample(arb, { seed, numRuns: RUNS })) {
            // The guard refused the first four: the rest would only test the guard again.
            if (statuses.length >= 4 && statuses.every((x) => x === 401 || x === 403)) break;
            statuses.push(await send(op, actor, req));
          }
        }),
      );
      // The sweep starts from a valid request that got a 2xx (or any valid one); variants that
      // come out the same on the wire (`1e308` as a number and as text in a URL) are sent once.
      await Promise.all(
        sweepActors(op).map(async (actor, i) => {
          const base =
            succeeded.get(`${op.key} ${actor}`) ??
            fc.sample(valid, { seed: seedOf(`${op.key} sweep`), numRuns: 1 })[0]!;
          const sent = new Set<string>();
          for (const req of sweep(op, base, fx, i === 0)) {
            const wire = `${url(op, req)} ${JSON.stringify(req.headers)} ${bodySummary(req.body, Infinity)}`;
            if (sent.has(wire)) continue;
            sent.add(wire);
            await send(op, actor, req);
            swept++;
          }
        }),
      );
    }
    ran = true;
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `fuzz: ${requests} requests (${swept} of them the sweep's) in ${seconds} s, ${failures.length} failed`,
    );
    if (failures.length) console.log(report(failures));
    expect(failures.length, `${failures.length} failing cases (listed above)`).toBe(0);
  }, 600_000);

  it('reached the handlers: valid requests got 2xx answers', () => {
    expect(ran, 'the fuzz ran').toBe(true);
    const missing: string[] = [];
    let validCount = 0;
    let valid2xx = 0;
    for (const op of operations()) {
      const tally = tallies.get(op.key)!;
      const valid = [...tally.valid.values()].flat();
      validCount += valid.length;
      valid2xx += valid.filter((s) => s >= 200 && s < 300).length;
      // A login with random credentials cannot succeed.
      if (op.key === 'POST /api/auth/otp/verify' || op.key === 'POST /api/auth/staff/login')
        continue;
      const statuses = op.method === 'GET' ? valid : tally.all;
      if (!statuses.some((s) => s >= 200 && s < 300)) {
        missing.push(`${op.key}: no 2xx (${[...new Set(statuses)].sort().join(', ')})`);
      }
    }
    console.log(`fuzz: ${valid2xx} of ${validCount} valid requests got 2xx`);
    expect(missing, 'operations the fuzz never got a 2xx from').toEqual([]);
    // Many valid requests are refused for the actor's role (401, 403, 404): a third is plenty.
    expect(valid2xx / validCount).toBeGreaterThan(0.3);
  });

  it('the spec bounds every number, string and array a request carries', () => {
    const offenders: string[] = [];
    const check = (schema: Schema, where: string, depth = 0): void => {
      if (depth > 10) return;
      const s = deref(schema);
      if (s.enum) return;
      switch (s.type) {
        case 'number':
        case 'integer':
          if (s.maximum === undefined) offenders.push(`${where}: number without maximum`);
          return;
        case 'string':
          // A multipart file (`format: binary`) is bounded by the upload limit (413), which the
          // spec cannot say with maxLength.
          if (
            s.maxLength === undefined &&
            !['uuid', 'date', 'date-time', 'binary'].includes(s.format ?? '')
          ) {
            offenders.push(`${where}: string without maxLength`);
          }
          return;
        case 'boolean':
          return;
        case 'array':
          if (s.maxItems === undefined) offenders.push(`${where}: array without maxItems`);
          if (s.items) check(s.items, `${where}[]`, depth + 1);
          return;
        case 'object':
        case undefined:
          if (!s.properties && s.type === undefined) {
            offenders.push(`${where}: no type`);
            return;
          }
          for (const [k, v] of Object.entries(s.properties ?? {}))
            check(v, `${where}.${k}`, depth + 1);
          if (typeof s.additionalProperties === 'object') {
            check(s.additionalProperties, `${where}.*`, depth + 1);
          }
          return;
        default:
          offenders.push(`${where}: type ${s.type}`);
      }
    };
    for (const op of operations()) {
      for (const p of op.parameters) check(p.schema ?? {}, `${op.key} ${p.in}.${p.name}`);
      if (op.body) check(op.body.schema, `${op.key} body`);
    }
    expect(offenders).toEqual([]);
  });
});

/** What is wrong with an answer: a 5xx, or an error that is not problem+json with its status. */
function problemError(status: number, type: string, text: string): string | null {
  if (status >= 500) return '5xx';
  if (status < 400) return null;
  if (!type.startsWith('application/problem+json')) return `content-type ${type || '(none)'}`;
  let problem: { status?: unknown; code?: unknown };
  try {
    problem = JSON.parse(text) as typeof problem;
  } catch {
    return 'problem body is not JSON';
  }
  if (problem.status !== status) return `problem.status ${JSON.stringify(problem.status)}`;
  if (typeof problem.code !== 'string') return 'problem without a code';
  return null;
}

/**
 * Failures grouped by operation, status and reason; under each, every distinct input (the
 * sweep's, one hostile field each, first) with the actor and the request that showed it.
 */
function report(failures: Failure[]): string {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) {
    const key = `${f.op} → ${f.status} (${f.reason})`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines: string[] = [];
  for (const [key, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const actors = [...new Set(list.map((f) => f.actor))].join(', ');
    lines.push(`\n✗ ${key}: ${list.length} cases (${actors})`, `    answer: ${list[0]!.body}`);
    const inputs = new Map<string, Failure>();
    for (const f of list) if (!inputs.has(f.input)) inputs.set(f.input, f);
    const sorted = [...inputs].sort(([a], [b]) => a.split(';').length - b.split(';').length);
    for (const [input, f] of sorted)
      lines.push(`  - ${short(input, 160)}  ⟶  ${f.actor}: ${short(f.request, 200)}`);
  }
  return lines.join('\n');
}
