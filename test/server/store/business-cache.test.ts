import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveBusinessFields } from '../../../server/domain/business-settings';
import { systemClock } from '../../../server/domain/clock';
import {
  archiveBusiness,
  businessFields,
  getBusinessBySlug,
  getPublicBusiness,
  insertBusiness,
  updateBusiness,
} from '../../../server/store/businesses';
import { type Db, openDb } from '../../../server/store/db';
import { createOrganization } from '../../../server/store/organizations';

const dirs: string[] = [];
const open: Array<{ close(): unknown }> = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-bizcache-'));
  dirs.push(dir);
  const path = join(dir, 'plaudit.db');
  const db = openDb(path);
  open.push(db);
  const org = createOrganization(db, systemClock, { name: 'Org' });
  const fields = resolveBusinessFields({ name: "Joe's Coffee" }, undefined, new Date().toISOString());
  const business = insertBusiness(db, systemClock, org.id, { ...fields, slug: 'joes' });
  return { db, path, org, business };
}

const rename = (db: Db, orgId: string, id: string, name: string, slug: string) => {
  const current = getPublicBusiness(db, id)!;
  return updateBusiness(db, systemClock, orgId, id, { ...businessFields(current), name, slug });
};

describe('public business lookups (cached)', () => {
  it('show a change made through the store at once, by id and by slug', () => {
    const { db, org, business } = setup();
    expect(getPublicBusiness(db, business.id)?.name).toBe("Joe's Coffee");
    expect(getBusinessBySlug(db, 'joes')?.id).toBe(business.id);

    rename(db, org.id, business.id, "Joe's Roastery", 'joes-roastery');
    expect(getPublicBusiness(db, business.id)?.name).toBe("Joe's Roastery");
    expect(getBusinessBySlug(db, 'joes')).toBeUndefined();
    expect(getBusinessBySlug(db, 'joes-roastery')?.name).toBe("Joe's Roastery");

    archiveBusiness(db, systemClock, org.id, business.id);
    expect(getPublicBusiness(db, business.id)).toBeUndefined();
    expect(getBusinessBySlug(db, 'joes-roastery')).toBeUndefined();
  });

  it('show a change committed by another process on the same file (the CLI) on the next lookup', () => {
    const { db, path, business } = setup();
    expect(getPublicBusiness(db, business.id)?.gating.threshold).toBe(4);
    expect(getBusinessBySlug(db, 'joes')?.name).toBe("Joe's Coffee");

    const other = new Database(path);
    open.push(other);
    other
      .prepare("UPDATE businesses SET gating_threshold = 5, name = 'Chez Joe' WHERE id = ?")
      .run(business.id);
    expect(getPublicBusiness(db, business.id)?.gating.threshold).toBe(5);
    expect(getBusinessBySlug(db, 'joes')?.name).toBe('Chez Joe');

    other
      .prepare("UPDATE businesses SET archived_at = '2026-01-01T00:00:00.000Z' WHERE id = ?")
      .run(business.id);
    expect(getPublicBusiness(db, business.id)).toBeUndefined();
  });

  it('find a business created after a miss', () => {
    const { db, org } = setup();
    expect(getBusinessBySlug(db, 'later')).toBeUndefined();
    const fields = resolveBusinessFields({ name: 'Later' }, undefined, new Date().toISOString());
    const later = insertBusiness(db, systemClock, org.id, { ...fields, slug: 'later' });
    expect(getBusinessBySlug(db, 'later')?.id).toBe(later.id);
  });
});
