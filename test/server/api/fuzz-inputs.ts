import fc from 'fast-check';

/**
 * Generators of bad API input for fuzz.test.ts, read from the OpenAPI document: malformed and boundary
 * values (wrong types, empty strings, huge and negative numbers, odd unicode, unknown fields, deep nesting).
 */

export type Schema = Record<string, any>;
export type Input = {
  caller: 'admin' | 'org';
  params: Record<string, string>;
  query: Array<[string, string]>;
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; type: string } | { kind: 'none' };
};

/** Lone surrogates, bidi controls, NUL, astral characters, combining marks: text that breaks naive code. */
const ODD_TEXT = [
  '\uD800',
  '\uDFFF',
  'a\uD83Dz',
  '\u202Eevil\u202C',
  '\u200F\u05E9\u05DC\u05D5\u05DD',
  '\u0000',
  '\uFEFF',
  '𝕏😀👩‍👩‍👧',
  'e\u0301\u0301\u0301',
  '\r\n\t',
  '<script>alert(1)</script>',
  "'; DROP TABLE customers; --",
  '%00',
  '../../etc/passwd',
];

const ODD_NUMBER_TEXT = ['', ' ', '0', '-1', '-0', '1.5', '1e309', '-1e309', 'NaN', 'Infinity', '0x10'];
const HUGE_TEXT = ['99999999999999999999999999', String(Number.MAX_SAFE_INTEGER + 2), '1'.repeat(400)];

function deep(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** Values of every JSON type, at their edges: whatever a field expects, most of these are wrong for it. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    -0.000001,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    'x'.repeat(20_000),
    [],
    [null],
    {},
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    deep(60),
  ),
  fc.constantFrom(...ODD_TEXT, ...ODD_NUMBER_TEXT, ...HUGE_TEXT),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Which resource an id field names, by its name, to offer real ids of the right and of the wrong kind. */
const ID_FIELDS: Record<string, string> = {
  businessId: 'biz',
  templateId: 'tpl',
  campaignId: 'camp',
  customerId: 'cust',
  requestId: 'rr',
  organizationId: 'org',
  cardId: 'card',
  deliveryId: 'del',
};

/** Ids at their edges: empty, blank, a bare prefix, another kind's real id, unknown, too long, odd text. */
function idValues(fixtures: Record<string, string>, prefix: string | undefined): fc.Arbitrary<string> {
  const real = prefix ? fixtures[prefix] : undefined;
  const edges = fc.constantFrom(
    '',
    '',
    '',
    ' ',
    `${prefix ?? 'x'}_`,
    `${prefix ?? 'x'}_0000000000000000000000`,
    `${prefix ?? 'x'}_\uD800`,
    'x'.repeat(65),
    ...ODD_TEXT.slice(0, 5),
  );
  return fc.oneof(
    { weight: 3, arbitrary: edges },
    { weight: 2, arbitrary: fc.constantFrom(...Object.values(fixtures)) },
    ...(real ? [{ weight: 2, arbitrary: fc.constant(real) }] : []),
  );
}

export function resolve(doc: Schema, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()]);
  return schema;
}

/** A value the schema probably accepts: its example, enum, default, or a plain value of its type. */
function plausible(
  doc: Schema,
  raw: Schema,
  fixtures: Record<string, string>,
  depth: number,
): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((v: Schema) => plausible(doc, v, fixtures, depth)));
  if (schema.allOf) return plausible(doc, schema.allOf[0], fixtures, depth);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.example !== undefined) return fc.constant(schema.example);
  if (schema.default !== undefined) return fc.constant(schema.default);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'string': {
      // Short strings keep runs fast, but never shorter than the schema's own minimum (a password's 10).
      const minLength = schema.minLength ?? 1;
      return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 12, 12)) });
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 100, 1000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 100, 1000), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3
        ? fc.constant([])
        : fc.array(plausible(doc, schema.items ?? {}, fixtures, depth + 1), { maxLength: 3 });
    case 'object':
      return depth > 3 ? fc.constant({}) : objectOf(doc, schema, fixtures, depth + 1);
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

/** A field's value: mostly plausible, sometimes wrong; id fields get real and broken ids. */
function fieldValue(
  doc: Schema,
  name: string,
  schema: Schema,
  fixtures: Record<string, string>,
  depth: number,
): fc.Arbitrary<unknown> {
  const id = name in ID_FIELDS || name === 'id' || name === 'ids';
  if (id) {
    return fc.oneof(
      { weight: 4, arbitrary: idValues(fixtures, ID_FIELDS[name]) as fc.Arbitrary<unknown> },
      { weight: 1, arbitrary: plausible(doc, schema, fixtures, depth) },
      { weight: 1, arbitrary: wrongValue },
    );
  }
  return fc.oneof(
    { weight: 4, arbitrary: plausible(doc, schema, fixtures, depth) },
    { weight: 1, arbitrary: wrongValue },
  );
}

function objectOf(doc: Schema, schema: Schema, fixtures: Record<string, string>, depth: number) {
  const properties: Record<string, Schema> = schema.properties ?? {};
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, s]) => [name, fieldValue(doc, name, s, fixtures, depth)]),
  );
  return fc.record(fields, { requiredKeys: schema.required ?? [] });
}

/** A body each write accepts, so that changing one or two of its fields tests the handler, not only the schema. */
export function validBody(
  key: string,
  f: Record<string, string>,
): Record<string, unknown> | unknown[] | undefined {
  const template = { name: 'T', channel: 'sms', body: 'Hi {{link}}' };
  const bodies: Record<string, Record<string, unknown> | unknown[]> = {
    'post /api/v1/organizations': { name: 'Org' },
    'patch /api/v1/organizations/{id}': { name: 'Org 2' },
    'post /api/v1/keys': { name: 'k' },
    'post /api/v1/businesses': { name: 'Biz' },
    'patch /api/v1/businesses/{id}': { name: 'Biz 2' },
    'post /api/v1/cards': { businessId: f.biz },
    'patch /api/v1/cards/{id}': { label: 'Table 1' },
    'post /api/v1/reviews': {
      businessId: f.biz,
      source: 'direct',
      rating: 5,
      authorName: 'Ana',
      content: 'Good',
    },
    'patch /api/v1/reviews/{id}': { hidden: true },
    'post /api/v1/reviews/{id}/reply': { reply: 'Thanks' },
    'post /api/v1/reviews/import': [{ source: 'google', rating: 4, authorName: 'Bo', externalId: 'g-1' }],
    'post /api/v1/customers': { name: 'Jo', email: 'jo2@example.com' },
    'patch /api/v1/customers/{id}': { notes: 'n' },
    'post /api/v1/review-requests': { businessId: f.biz, customerEmail: 'jo@example.com', method: 'email' },
    'patch /api/v1/feedback/{id}': { status: 'resolved' },
    'post /api/v1/webhooks': { url: 'https://hooks.example.com/x', events: ['review.created'] },
    'patch /api/v1/webhooks/{id}': { enabled: false },
    'post /api/v1/templates': template,
    'put /api/v1/templates/{id}': template,
    'post /api/v1/campaigns': { name: 'C', businessId: f.biz },
    'patch /api/v1/campaigns/{id}': { name: 'C 2' },
  };
  return bodies[key];
}

const DROP = Symbol('drop');

/** A valid body with one or two fields (known, or unknown `zz`) set to generated values or dropped. */
function mutated(
  doc: Schema,
  base: Record<string, unknown> | unknown[],
  schema: Schema,
  fixtures: Record<string, string>,
): fc.Arbitrary<unknown> {
  if (Array.isArray(base)) {
    const rows = base as Array<Record<string, unknown>>;
    const row = mutated(doc, rows[0], resolve(doc, schema.items), fixtures);
    return fc.oneof(
      row.map((r) => [r]),
      row.map((r) => [rows[0], r]),
    );
  }
  const properties: Record<string, Schema> = schema.properties ?? {};
  const names = [...new Set([...Object.keys(base), ...Object.keys(properties), 'zz'])];
  // Id fields are where a valid-looking body reaches the store's foreign keys: change them more often.
  const weighted = names.map((name) => ({
    weight: name in ID_FIELDS || name === 'steps' ? 4 : 1,
    arbitrary: fc.constant(name),
  }));
  const change = fc
    .oneof(...weighted)
    .chain((name) =>
      fc
        .oneof(
          { weight: 6, arbitrary: fieldValue(doc, name, properties[name] ?? {}, fixtures, 1) },
          { weight: 1, arbitrary: fc.constant<unknown>(DROP) },
        )
        .map((value) => [name, value] as const),
    );
  return fc.array(change, { minLength: 1, maxLength: 2 }).map((changes) => {
    const body: Record<string, unknown> = { ...base };
    for (const [name, value] of changes) {
      if (value === DROP) delete body[name];
      else body[name] = value;
    }
    return body;
  });
}

/** A request body: a mostly-plausible object, one with unknown fields, the wrong JSON type, or not JSON. */
function bodyOf(
  doc: Schema,
  method: string,
  path: string,
  op: Schema,
  fixtures: Record<string, string>,
): fc.Arbitrary<Input['body']> {
  // A GET cannot carry a body at all (fetch refuses to build one).
  if (method === 'get') return fc.constant({ kind: 'none' as const });
  const content: Record<string, Schema> = op.requestBody?.content ?? {};
  const json = content['application/json'];
  const rawTypes = Object.keys(content).filter((type) => type !== 'application/json');
  const raw = fc.record({
    kind: fc.constant('raw' as const),
    type: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data', ...rawTypes),
    text: fc.oneof(
      fc.constantFrom(
        '{',
        '{"a":',
        'null',
        '[]',
        '"x"',
        '1e999',
        '\uD800',
        '[[[[[[[[',
        `${'['.repeat(5000)}`,
      ),
      fc.string({ unit: 'binary', maxLength: 40 }),
    ),
  });
  if (!json) return fc.oneof({ weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) }, raw);
  const schema = resolve(doc, json.schema);
  const object = objectOf(doc, schema, fixtures, 0);
  const json$ = (value: fc.Arbitrary<unknown>) => value.map((v) => ({ kind: 'json' as const, value: v }));
  const base = validBody(`${method} ${path}`, fixtures);
  return fc.oneof(
    ...(base ? [{ weight: 12, arbitrary: json$(mutated(doc, base, schema, fixtures)) }] : []),
    { weight: 8, arbitrary: json$(object) },
    {
      weight: 2,
      arbitrary: json$(
        fc
          .tuple(
            object,
            fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), wrongValue, { maxKeys: 2 }),
          )
          .map(([o, extra]) =>
            o && typeof o === 'object' && !Array.isArray(o) ? { ...extra, ...o, zz: 1 } : o,
          ),
      ),
    },
    { weight: 1, arbitrary: json$(wrongValue) },
    { weight: 1, arbitrary: json$(fc.constant(deep(3000))) },
    { weight: 1, arbitrary: raw },
  );
}

/** The id prefix of a path's `{id}`, from its resource: `/api/v1/customers/{id}` → `cust`. */
export const RESOURCE_PREFIX: Record<string, string> = {
  organizations: 'org',
  keys: 'key',
  businesses: 'biz',
  cards: 'card',
  reviews: 'rev',
  customers: 'cust',
  'review-requests': 'rr',
  feedback: 'fb',
  messages: 'msg',
  webhooks: 'wh',
  templates: 'tpl',
  campaigns: 'camp',
};

export function inputOf(
  doc: Schema,
  method: string,
  path: string,
  op: Schema,
  fixtures: Record<string, string>,
): fc.Arbitrary<Input> {
  const resourcePrefix = RESOURCE_PREFIX[path.split('/')[3]];
  const parameters: Schema[] = op.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const params = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        fc.oneof(
          { weight: 3, arbitrary: idValues(fixtures, p.name === 'id' ? resourcePrefix : ID_FIELDS[p.name]) },
          { weight: 1, arbitrary: fc.constantFrom(...ODD_TEXT, ...ODD_NUMBER_TEXT.slice(1), ...HUGE_TEXT) },
        ),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const queryValue = (p: Schema) =>
    fc.oneof(
      plausible(doc, p.schema ?? {}, fixtures, 0).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      fc.constantFrom(...ODD_TEXT, ...ODD_NUMBER_TEXT, ...HUGE_TEXT),
      p.name in ID_FIELDS ? idValues(fixtures, ID_FIELDS[p.name]) : fc.string({ maxLength: 20 }),
    );
  const query = fc
    .tuple(
      fc
        .subarray(queryParams)
        .chain(
          (chosen): fc.Arbitrary<Array<[string, string]>> =>
            chosen.length
              ? fc.tuple(...chosen.map((p) => queryValue(p).map((v): [string, string] => [p.name, v])))
              : fc.constant([]),
        ),
      fc.option(
        fc.tuple(
          fc.constantFrom('unknown', 'page', 'perPage', '__proto__'),
          fc.constantFrom('1', '', '-5', '1e9'),
        ),
      ),
    )
    .map(([known, extra]): Array<[string, string]> => (extra ? [...known, extra] : known));
  return fc.record({
    caller: fc.constantFrom('admin' as const, 'org' as const),
    params,
    query,
    body: bodyOf(doc, method, path, op, fixtures),
  });
}

/** Percent-encodes for a URL, lone surrogates included (as the invalid UTF-8 a client could send). */
export function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return Array.from(text, (ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    }).join('');
  }
}
