import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, sql } from './db';
import { insertOutboxJob } from './outbox';

export type AccountEmail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Alerts and digests: the one-click unsubscribe link (`List-Unsubscribe`); null for reset and invitation. */
  unsubscribeUrl?: string | null;
};

/** Stores a rendered account email and queues its outbox job, in one transaction. */
export function queueAccountEmail(db: Db, clock: Clock, email: Omit<AccountEmail, 'id'>): string {
  const id = newId('aem');
  db.transaction(() => {
    sql(
      db,
      `INSERT INTO account_emails (id, to_address, subject, text_body, html_body, unsubscribe_url, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, email.to, email.subject, email.text, email.html, email.unsubscribeUrl ?? null, isoNow(clock));
    insertOutboxJob(db, clock, { kind: 'account_email', refId: id });
  })();
  return id;
}

export function getAccountEmail(db: Db, id: string): (AccountEmail & { sentAt: string | null }) | undefined {
  const row = sql(db, 'SELECT * FROM account_emails WHERE id = ?').get(id) as
    | {
        id: string;
        to_address: string;
        subject: string;
        text_body: string;
        html_body: string;
        unsubscribe_url: string | null;
        sent_at: string | null;
      }
    | undefined;
  return (
    row && {
      id: row.id,
      to: row.to_address,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      unsubscribeUrl: row.unsubscribe_url,
      sentAt: row.sent_at,
    }
  );
}

/** Sent: the bodies are blanked, since they carry a live link and the database is no mail archive. */
export function markAccountEmailSent(db: Db, clock: Clock, id: string): void {
  sql(db, `UPDATE account_emails SET sent_at = ?, text_body = '', html_body = '' WHERE id = ?`).run(
    isoNow(clock),
    id,
  );
}
