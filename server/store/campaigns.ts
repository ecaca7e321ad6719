import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, pageSql, sql } from './db';

export type CampaignStep = { position: number; delayHours: number; templateId: string | null };

export type Campaign = {
  id: string;
  organizationId: string;
  businessId: string;
  name: string;
  status: 'active' | 'paused';
  steps: CampaignStep[];
  createdAt: string;
  updatedAt: string;
};

type CampaignRow = {
  id: string;
  organization_id: string;
  business_id: string;
  name: string;
  status: 'active' | 'paused';
  created_at: string;
  updated_at: string;
};

function toCampaign(db: Db, row: CampaignRow): Campaign {
  const steps = sql(
    db,
    'SELECT position, delay_hours, template_id FROM campaign_steps WHERE campaign_id = ? ORDER BY position',
  ).all(row.id) as Array<{ position: number; delay_hours: number; template_id: string | null }>;
  return {
    id: row.id,
    organizationId: row.organization_id,
    businessId: row.business_id,
    name: row.name,
    status: row.status,
    steps: steps.map((s) => ({ position: s.position, delayHours: s.delay_hours, templateId: s.template_id })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type CampaignFields = {
  businessId: string;
  name: string;
  status: 'active' | 'paused';
  /** The first message then up to 3 reminders; `delayHours` of a reminder counts from the step before. */
  steps: Array<{ delayHours: number; templateId: string | null }>;
};

function writeSteps(db: Db, campaignId: string, steps: CampaignFields['steps']): void {
  sql(db, 'DELETE FROM campaign_steps WHERE campaign_id = ?').run(campaignId);
  steps.forEach((step, position) => {
    sql(
      db,
      'INSERT INTO campaign_steps (campaign_id, position, delay_hours, template_id) VALUES (?, ?, ?, ?)',
    ).run(campaignId, position, position === 0 ? 0 : step.delayHours, step.templateId);
  });
}

/** Creates a campaign with its steps. */
export function insertCampaign(db: Db, clock: Clock, organizationId: string, f: CampaignFields): Campaign {
  const id = newId('camp');
  const now = isoNow(clock);
  db.transaction(() => {
    sql(
      db,
      `INSERT INTO campaigns (id, organization_id, business_id, name, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, organizationId, f.businessId, f.name, f.status, now, now);
    writeSteps(db, id, f.steps);
  })();
  return getCampaign(db, organizationId, id)!;
}

/** A campaign of the organization. */
export function getCampaign(db: Db, organizationId: string, id: string): Campaign | undefined {
  const row = sql(db, 'SELECT * FROM campaigns WHERE id = ? AND organization_id = ?').get(
    id,
    organizationId,
  ) as CampaignRow | undefined;
  return row && toCampaign(db, row);
}

/** A campaign by id, any organization (the worker's view). */
export function getCampaignById(db: Db, id: string): Campaign | undefined {
  const row = sql(db, 'SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
  return row && toCampaign(db, row);
}

/** Replaces a campaign's fields and steps; messages already queued keep their schedule. */
export function updateCampaign(
  db: Db,
  clock: Clock,
  organizationId: string,
  id: string,
  f: CampaignFields,
): Campaign | undefined {
  const changed = db.transaction(() => {
    const n = sql(
      db,
      'UPDATE campaigns SET business_id = ?, name = ?, status = ?, updated_at = ? WHERE id = ? AND organization_id = ?',
    ).run(f.businessId, f.name, f.status, isoNow(clock), id, organizationId).changes;
    if (n) writeSteps(db, id, f.steps);
    return n;
  })();
  return changed ? getCampaign(db, organizationId, id) : undefined;
}

/** Deletes a campaign; its requests stay, reminders not yet sent are dropped by the worker. */
export function deleteCampaign(db: Db, organizationId: string, id: string): boolean {
  return (
    sql(db, 'DELETE FROM campaigns WHERE id = ? AND organization_id = ?').run(id, organizationId).changes > 0
  );
}

/** One page of campaigns, newest first. */
export function listCampaigns(
  db: Db,
  organizationId: string,
  page: { limit: number; offset: number },
): { items: Campaign[]; total: number } {
  const rows = sql(
    db,
    `SELECT * FROM campaigns WHERE organization_id = ? ORDER BY created_at DESC, rowid DESC ${pageSql(page.limit)}`,
  ).all(organizationId, page.offset) as CampaignRow[];
  const { total } = sql(db, 'SELECT count(*) AS total FROM campaigns WHERE organization_id = ?').get(
    organizationId,
  ) as { total: number };
  return { items: rows.map((row) => toCampaign(db, row)), total };
}

export type FunnelCounts = {
  invited: number;
  delivered: number;
  opened: number;
  clicked: number;
  completed: number;
  privateFeedback: number;
  unsubscribed: number;
  failed: number;
};

/** The campaign's funnel: how many of its requests reached each step. */
export function campaignFunnel(db: Db, campaignId: string): FunnelCounts {
  return sql(
    db,
    `SELECT count(*) AS invited,
       count(*) FILTER (WHERE r.sent_at IS NOT NULL OR r.opened_at IS NOT NULL) AS delivered,
       count(*) FILTER (WHERE r.opened_at IS NOT NULL) AS opened,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM events e WHERE e.request_id = r.id AND e.type = 'platform_clicked')) AS clicked,
       count(*) FILTER (WHERE r.completed_at IS NOT NULL) AS completed,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM feedback f WHERE f.request_id = r.id)) AS privateFeedback,
       count(*) FILTER (WHERE c.opt_out = 1) AS unsubscribed,
       count(*) FILTER (WHERE r.status = 'failed') AS failed
     FROM request_campaigns rc JOIN review_requests r ON r.id = rc.request_id JOIN customers c ON c.id = r.customer_id
     WHERE rc.campaign_id = ?`,
  ).get(campaignId) as FunnelCounts;
}
