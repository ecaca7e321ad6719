import { type Db, pageSql, sql } from './db';

/** Cards made together (one `createCards` call: same organization, business and creation time). */
export type CardBatch = {
  /** The rowid of the batch's first card: a stable number for the batch. */
  n: number;
  organizationId: string;
  businessId: string;
  createdAt: string;
  cardIds: string[];
  codes: string[];
  activeCount: number;
};

type BatchRow = {
  n: number;
  organization_id: string;
  business_id: string;
  created_at: string;
  card_ids: string;
  codes: string;
  active_count: number;
};

const toBatch = (row: BatchRow): CardBatch => ({
  n: row.n,
  organizationId: row.organization_id,
  businessId: row.business_id,
  createdAt: row.created_at,
  cardIds: JSON.parse(row.card_ids),
  codes: JSON.parse(row.codes),
  activeCount: row.active_count,
});

const BATCH_SELECT = `SELECT min(rowid) AS n, organization_id, business_id, created_at,
    json_group_array(id ORDER BY rowid) AS card_ids, json_group_array(code ORDER BY rowid) AS codes,
    sum(active) AS active_count
  FROM cards`;

/** One page of card batches of every organization (the admin key's view), newest first, and their total. */
export function listCardBatches(
  db: Db,
  page: { limit: number; offset: number },
): { items: CardBatch[]; total: number } {
  const rows = sql(
    db,
    `${BATCH_SELECT} GROUP BY organization_id, business_id, created_at ORDER BY created_at DESC, n DESC ${pageSql(page.limit)}`,
  ).all(page.offset) as BatchRow[];
  const { total } = sql(
    db,
    'SELECT count(*) AS total FROM (SELECT 1 FROM cards GROUP BY organization_id, business_id, created_at)',
  ).get() as { total: number };
  return { items: rows.map(toBatch), total };
}

/** The batch whose first card has rowid `n`, or undefined. */
export function getCardBatch(db: Db, n: number): CardBatch | undefined {
  const row = sql(
    db,
    `${BATCH_SELECT} WHERE (organization_id, business_id, created_at) =
       (SELECT organization_id, business_id, created_at FROM cards WHERE rowid = ?)
     GROUP BY organization_id, business_id, created_at`,
  ).get(n) as BatchRow | undefined;
  return row && row.n === n ? toBatch(row) : undefined;
}
