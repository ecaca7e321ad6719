import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, pageSql, sql } from './db';

export type PendingActionKind = 'review_reply' | 'review_request';
export type PendingActionStatus = 'pending' | 'approved' | 'rejected';

export type PendingAction = {
  id: string;
  organizationId: string;
  kind: PendingActionKind;
  /** The review replied to, or the business a request is for. */
  targetId: string;
  payload: Record<string, unknown>;
  sandbox: boolean;
  status: PendingActionStatus;
  requestedByKeyId: string | null;
  /** The user or key that approved or rejected it. */
  decidedBy: string | null;
  /** What approval made: the review, or the review request. */
  resultId: string | null;
  createdAt: string;
  decidedAt: string | null;
};

type Row = {
  id: string;
  organization_id: string;
  kind: PendingActionKind;
  target_id: string;
  payload: string;
  sandbox: number;
  status: PendingActionStatus;
  requested_by_key_id: string | null;
  decided_by: string | null;
  result_id: string | null;
  created_at: string;
  decided_at: string | null;
};

const toPendingAction = (row: Row): PendingAction => ({
  id: row.id,
  organizationId: row.organization_id,
  kind: row.kind,
  targetId: row.target_id,
  payload: JSON.parse(row.payload),
  sandbox: row.sandbox === 1,
  status: row.status,
  requestedByKeyId: row.requested_by_key_id,
  decidedBy: row.decided_by,
  resultId: row.result_id,
  createdAt: row.created_at,
  decidedAt: row.decided_at,
});

export type NewPendingAction = {
  kind: PendingActionKind;
  targetId: string;
  payload: Record<string, unknown>;
  sandbox: boolean;
  requestedByKeyId: string | null;
};

/** Stores an action for a person to approve; nothing it describes has happened yet. */
export function createPendingAction(
  db: Db,
  clock: Clock,
  organizationId: string,
  input: NewPendingAction,
): PendingAction {
  const id = newId('pa');
  sql(
    db,
    `INSERT INTO pending_actions (id, organization_id, kind, target_id, payload, sandbox, requested_by_key_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    organizationId,
    input.kind,
    input.targetId,
    JSON.stringify(input.payload),
    input.sandbox ? 1 : 0,
    input.requestedByKeyId,
    isoNow(clock),
  );
  return getPendingAction(db, organizationId, id)!;
}

/** One action of the organization. */
export function getPendingAction(db: Db, organizationId: string, id: string): PendingAction | undefined {
  const row = sql(db, 'SELECT * FROM pending_actions WHERE id = ? AND organization_id = ?').get(
    id,
    organizationId,
  ) as Row | undefined;
  return row && toPendingAction(row);
}

/** A page of the organization's actions, newest first, optionally of one status. */
export function listPendingActions(
  db: Db,
  organizationId: string,
  filter: { status?: PendingActionStatus },
  page: { limit: number; offset: number },
): { items: PendingAction[]; total: number } {
  const where = 'organization_id = ? AND (? IS NULL OR status = ?)';
  const args = [organizationId, filter.status ?? null, filter.status ?? null];
  const rows = sql(
    db,
    `SELECT * FROM pending_actions WHERE ${where} ORDER BY created_at DESC, rowid DESC ${pageSql(page.limit)}`,
  ).all(...args, page.offset) as Row[];
  const { total } = sql(db, `SELECT count(*) AS total FROM pending_actions WHERE ${where}`).get(...args) as {
    total: number;
  };
  return { items: rows.map(toPendingAction), total };
}

/**
 * Settles a pending action; only one decision can win (a second approve, or a reject after an approve,
 * changes nothing and answers false), so an action is never carried out twice.
 */
export function decidePendingAction(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
  decision: { status: 'approved' | 'rejected'; decidedBy: string; resultId?: string | null },
): boolean {
  return (
    sql(
      db,
      `UPDATE pending_actions SET status = ?, decided_by = ?, result_id = ?, decided_at = ?
       WHERE id = ? AND organization_id = ? AND status = 'pending'`,
    ).run(decision.status, decision.decidedBy, decision.resultId ?? null, isoNow(clock), id, organizationId)
      .changes > 0
  );
}
