import { expect } from 'vitest';

type ShapeOptions = {
  /** Keys Plaudit may add beyond the documented example (the product's docs say fields may be added). */
  allowExtraKeys?: boolean;
  /** Paths (`reviews.0.response`, `data.*.title`) where the documented value is an example of a field that may be null. */
  nullable?: string[];
};

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Every mismatch between `actual` and the documented `example`: missing or extra names, and JSON types. */
export function shapeMismatches(
  actual: unknown,
  example: unknown,
  options: ShapeOptions = {},
  path = '',
): string[] {
  const here = path || '(root)';
  const wildcard = path.replace(/\.\d+(?=\.|$)/g, '.*');
  const nullable = options.nullable?.some((p) => p === path || p === wildcard) ?? false;
  if (example === null) return []; // documented as null: any type is a value it may take
  if (actual === null && nullable) return [];
  if (typeOf(actual) !== typeOf(example))
    return [`${here}: expected ${typeOf(example)}, got ${typeOf(actual)}`];
  if (Array.isArray(example)) {
    if (example.length === 0) return [];
    return (actual as unknown[]).flatMap((item, i) =>
      shapeMismatches(item, example[0], options, `${path}.${i}`),
    );
  }
  if (typeOf(example) !== 'object') return [];
  const a = actual as Record<string, unknown>;
  const e = example as Record<string, unknown>;
  const prefix = path ? `${path}.` : '';
  const missing = Object.keys(e)
    .filter((k) => !(k in a))
    .map((k) => `${prefix}${k}: missing`);
  const extra = options.allowExtraKeys
    ? []
    : Object.keys(a)
        .filter((k) => !(k in e))
        .map((k) => `${prefix}${k}: not in the documented example`);
  const nested = Object.keys(e)
    .filter((k) => k in a)
    .flatMap((k) => shapeMismatches(a[k], e[k], options, `${prefix}${k}`));
  return [...missing, ...extra, ...nested];
}

/** Asserts that `actual` has the documented example's names, types and nesting (values may differ). */
export function expectDocumentedShape(actual: unknown, example: unknown, options: ShapeOptions = {}): void {
  expect(shapeMismatches(actual, example, options)).toEqual([]);
}
