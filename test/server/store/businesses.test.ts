import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveBusinessFields } from '../../../server/domain/business-settings';
import { firstActiveBusinessOf, firstBusinessOf, insertBusiness } from '../../../server/store/businesses';
import { openDb } from '../../../server/store/db';
import { createOrganization } from '../../../server/store/organizations';
import { testClock } from '../helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the organization’s first business', () => {
  it('is the one created first even when several share the same millisecond', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-first-business-'));
    dirs.push(dir);
    const db = openDb(join(dir, 'plaudit.db'));
    const clock = testClock();
    const org = createOrganization(db, clock, { name: 'Org' });
    const made = Array.from({ length: 12 }, (_, i) => {
      const fields = resolveBusinessFields({ name: `Shop ${i}` }, undefined, clock().toISOString());
      return insertBusiness(db, clock, org.id, { ...fields, slug: `shop-${i}` });
    });
    expect(new Set(made.map((b) => b.createdAt)).size).toBe(1);
    expect(firstBusinessOf(db, org.id)?.name).toBe('Shop 0');
    expect(firstActiveBusinessOf(db, org.id)?.name).toBe('Shop 0');
    db.close();
  });
});
