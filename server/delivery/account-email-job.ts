import type { Clock } from '../domain/clock';
import { getAccountEmail, markAccountEmailSent } from '../store/account-emails';
import type { Db } from '../store/db';
import type { OutboxJob } from '../store/outbox';
import type { JobHandler, JobOutcome } from './outbox';
import { TransportError } from './transport';
import type { Transports } from './transports';

/** Sends queued account emails (password reset, invitation, owner alerts and digests) through the email transport. */
export function accountEmailJobHandler(deps: { db: Db; clock: Clock; transports: Transports }): JobHandler {
  return {
    async run(job: OutboxJob): Promise<JobOutcome> {
      const email = getAccountEmail(deps.db, job.refId);
      if (!email || email.sentAt) return { type: 'cancelled', reason: 'email gone or already sent' };
      try {
        await deps.transports.forChannel('email').send({
          id: email.id,
          channel: 'email',
          to: email.to,
          fromName: 'Plaudit',
          subject: email.subject,
          text: email.text,
          html: email.html,
          unsubscribeUrl: email.unsubscribeUrl ?? null,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof TransportError && error.permanent) return { type: 'fail', error: message };
        return { type: 'retry', error: message };
      }
      markAccountEmailSent(deps.db, deps.clock, email.id);
      return { type: 'done' };
    },
    giveUp() {
      // The job row keeps the reason; the person can ask for another link.
    },
  };
}
