import { type Db, sql } from './db';

export type MessageTimes = { sms: string | null; email: string | null };

/** When each customer was last sent an SMS and an email (messages that went out), by customer id. */
export function lastMessageTimes(
  db: Db,
  organizationId: string,
  customerIds: string[],
): Map<string, MessageTimes> {
  const times = new Map<string, MessageTimes>(customerIds.map((id) => [id, { sms: null, email: null }]));
  if (!customerIds.length) return times;
  const rows = sql(
    db,
    `SELECT customer_id, channel, max(sent_at) AS at FROM messages
     WHERE organization_id = ? AND customer_id IN (SELECT value FROM json_each(?)) AND sent_at IS NOT NULL
       AND channel IN ('sms', 'email')
     GROUP BY customer_id, channel`,
  ).all(organizationId, JSON.stringify(customerIds)) as Array<{
    customer_id: string;
    channel: 'sms' | 'email';
    at: string;
  }>;
  for (const row of rows) {
    const entry = times.get(row.customer_id);
    if (entry) entry[row.channel] = row.at;
  }
  return times;
}
