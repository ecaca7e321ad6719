import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveBusinessFields } from '../../../server/domain/business-settings';
import { systemClock } from '../../../server/domain/clock';
import { insertBusiness } from '../../../server/store/businesses';
import { openDb } from '../../../server/store/db';
import { createOrganization } from '../../../server/store/organizations';
import { lines, runCli, tempDir } from './run-cli';

const temp = tempDir();
afterAll(() => temp.remove());

describe('plaudit import', { timeout: 60_000 }, () => {
  it('imports a CSV under a progress bar, reports the bad rows, and keeps the good ones', async () => {
    const db = openDb(join(temp.dir, 'plaudit.db'));
    const org = createOrganization(db, systemClock, { name: 'Importers' });
    const fields = resolveBusinessFields({ name: 'Import Cafe' }, undefined, new Date().toISOString());
    const business = insertBusiness(db, systemClock, org.id, { ...fields, slug: 'import-cafe' });

    const csv = ['source,external_id,rating,author_name,content,published_at'];
    for (let i = 1; i <= 450; i++)
      csv.push(`google,g-${i},${(i % 5) + 1},Author ${i},"Lovely, visit ${i}",2026-03-01`);
    csv.splice(100, 0, 'google,g-bad,7,Too Many Stars,hmm,2026-03-01'); // row 100
    csv.push('yelp,y-1,5,"Evil\u001b[2J\u001b[31m",x,not-a-date'); // row 452
    const file = join(temp.dir, 'reviews.csv');
    writeFileSync(file, csv.join('\n'));

    const result = await runCli(temp.dir, ['import', file, '--business', business.id]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('450 created, 0 updated, 0 unchanged, 2 rejected');
    expect(result.stderr).toContain('\r[');
    expect(result.stderr).toMatch(/\] 100% 450\/450 rows\n/);
    const reported = lines(result.stderr).filter((line) => !line.includes('\r'));
    expect(reported).toEqual([
      expect.stringMatching(/^row 100: rating: /),
      expect.stringMatching(/^row 452: publishedAt: must be an ISO 8601/),
      'plaudit: 2 rows rejected (listed above)',
    ]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no escape sequence may reach the terminal
    expect(result.stderr).not.toMatch(/\u001b/);

    const count = db
      .prepare('SELECT count(*) AS n FROM reviews WHERE business_id = ?')
      .pluck()
      .get(business.id);
    expect(count).toBe(450);
    db.close();
  });
});
