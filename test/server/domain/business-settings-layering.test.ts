import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveBusinessFields } from '../../../server/domain/business-settings';
import { DomainError } from '../../../server/domain/errors';

const source = (path: string) =>
  readFileSync(new URL(`../../../server/domain/${path}`, import.meta.url), 'utf8');

/** Every module a file imports or re-exports from. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

describe('domain/business-settings layering', () => {
  it('imports nothing from the API, HTTP or store layers', () => {
    const imports = importsOf(source('business-settings.ts'));
    expect(imports.length).toBeGreaterThan(0);
    for (const from of imports) expect(from).not.toMatch(/(^|\/)(api|http|store)(\/|$)/);
    expect(importsOf(source('errors.ts'))).toEqual([]);
  });

  it('refuses strict gating without the acknowledgement with a plain domain error', () => {
    const call = () =>
      resolveBusinessFields({ name: 'Joe', gating: { mode: 'strict' } }, undefined, '2026-01-01T00:00:00Z');
    expect(call).toThrow(DomainError);
    try {
      call();
    } catch (error) {
      expect((error as DomainError).kind).toBe('invalid');
      expect((error as DomainError).details).toEqual({
        'gating.acknowledgePolicyRisk': 'must be true to set mode strict',
      });
    }
  });
});
