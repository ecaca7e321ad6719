import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../store/db';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../store/migrations');

/**
 * Applies the delivery tables when the migration runner has not (0005 waits for 0003/0004 to land, since
 * the runner refuses gaps). A no-op once `0005_delivery.sql` is a regular migration. Tests and bench only.
 */
export function ensureDeliverySchema(db: Db): void {
  const present = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get();
  if (present) return;
  const file = ['0005_delivery.sql', '0005_delivery.sql.pending'].map((name) => join(dir, name)).find(existsSync);
  if (!file) throw new Error('delivery migration not found');
  db.exec(readFileSync(file, 'utf8'));
}
