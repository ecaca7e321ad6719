import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, pageSql, sql } from './db';

export type AuditOutcome = 'ok' | 'pending' | 'error' | 'denied';

export type AuditEntry = {
  id: string;
  organizationId: string | null;
  keyId: string | null;
  tool: string;
  /** SHA-256 of the call's arguments as JSON: proves what was asked without keeping personal data. */
  argsDigest: string;
  outcome: AuditOutcome;
  error: string | null;
  correlationId: string | null;
  createdAt: string;
};

type Row = {
  id: string;
  organization_id: string | null;
  key_id: string | null;
  tool: string;
  args_digest: string;
  outcome: AuditOutcome;
  error: string | null;
  correlation_id: string | null;
  created_at: string;
};

const toEntry = (row: Row): AuditEntry => ({
  id: row.id,
  organizationId: row.organization_id,
  keyId: row.key_id,
  tool: row.tool,
  argsDigest: row.args_digest,
  outcome: row.outcome,
  error: row.error,
  correlationId: row.correlation_id,
  createdAt: row.created_at,
});

/** Appends one tool call to the log. */
export function recordAudit(db: Db, clock: Clock, entry: Omit<AuditEntry, 'id' | 'createdAt'>): void {
  sql(
    db,
    `INSERT INTO audit_log (id, organization_id, key_id, tool, args_digest, outcome, error, correlation_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId('aud'),
    entry.organizationId,
    entry.keyId,
    entry.tool,
    entry.argsDigest,
    entry.outcome,
    entry.error,
    entry.correlationId,
    isoNow(clock),
  );
}

export type AuditFilter = {
  tool?: string;
  keyId?: string;
  outcome?: AuditOutcome;
  /** Inclusive lower bound on createdAt. */
  from?: string;
  /** Exclusive upper bound on createdAt. */
  before?: string;
};

/** A page of the organization's log, newest first. */
export function listAudit(
  db: Db,
  organizationId: string,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): { items: AuditEntry[]; total: number } {
  const where = `organization_id = ? AND (? IS NULL OR tool = ?) AND (? IS NULL OR key_id = ?)
    AND (? IS NULL OR outcome = ?) AND (? IS NULL OR created_at >= ?) AND (? IS NULL OR created_at < ?)`;
  const args: Array<string | null> = [organizationId];
  for (const value of [filter.tool, filter.keyId, filter.outcome, filter.from, filter.before]) {
    args.push(value ?? null, value ?? null);
  }
  const rows = sql(
    db,
    `SELECT * FROM audit_log WHERE ${where} ORDER BY created_at DESC, rowid DESC ${pageSql(page.limit)}`,
  ).all(...args, page.offset) as Row[];
  const { total } = sql(db, `SELECT count(*) AS total FROM audit_log WHERE ${where}`).get(...args) as {
    total: number;
  };
  return { items: rows.map(toEntry), total };
}
