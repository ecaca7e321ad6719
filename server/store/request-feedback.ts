import { type Db, sql } from './db';
import { FEEDBACK_SELECT, type Feedback, type FeedbackRow, toFeedback } from './feedback';

/** The latest private feedback left through each request, by request id (requests without any are absent). */
export function feedbackOfRequests(
  db: Db,
  organizationId: string,
  requestIds: string[],
): Map<string, Feedback> {
  const found = new Map<string, Feedback>();
  if (!requestIds.length) return found;
  const rows = sql(
    db,
    `${FEEDBACK_SELECT} WHERE organization_id = ? AND request_id IN (SELECT value FROM json_each(?))
     ORDER BY created_at, rowid`,
  ).all(organizationId, JSON.stringify(requestIds)) as FeedbackRow[];
  for (const row of rows) if (row.request_id) found.set(row.request_id, toFeedback(row));
  return found;
}

/** The campaign each request was sent through, by request id (requests sent alone are absent). */
export function campaignsOfRequests(
  db: Db,
  organizationId: string,
  requestIds: string[],
): Map<string, string> {
  if (!requestIds.length) return new Map();
  const rows = sql(
    db,
    `SELECT rc.request_id, rc.campaign_id FROM request_campaigns rc JOIN review_requests r ON r.id = rc.request_id
     WHERE r.organization_id = ? AND rc.request_id IN (SELECT value FROM json_each(?))`,
  ).all(organizationId, JSON.stringify(requestIds)) as Array<{ request_id: string; campaign_id: string }>;
  return new Map(rows.map((row) => [row.request_id, row.campaign_id]));
}
