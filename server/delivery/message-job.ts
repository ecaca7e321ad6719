import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import { getBusiness } from '../store/businesses';
import { getCampaignById } from '../store/campaigns';
import type { Db } from '../store/db';
import { getDeliveryRequest, markRequestSent, markRequestSuppressed } from '../store/delivery-requests';
import { closeMessage, getMessageById, type Message, markMessageSent } from '../store/messages';
import { isOrganizationPaused } from '../store/organizations';
import type { OutboxJob } from '../store/outbox';
import { recordMessageFailure, requestEventData } from './message-failure';
import type { JobHandler, JobOutcome } from './outbox';
import { suppressionReason } from './request-messages';
import { nextSendTime } from './send-window';
import { TransportError } from './transport';
import type { Transports } from './transports';
import { enqueueWebhookEvent } from './webhook-events';

const PAUSED_RECHECK_MS = 3_600_000;

export type MessageJobDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  transports: Transports;
};

/**
 * Sends one queued message, checking again at send time what may have changed since it was queued: an
 * opt-out, a completed request (reminders stop), a paused campaign (it waits), the send window (it waits).
 * Sandbox messages are marked sent without leaving the process.
 */
export function messageJobHandler(deps: MessageJobDeps): JobHandler {
  const { db, clock } = deps;

  const stop = (message: Message, status: 'suppressed' | 'cancelled', reason: string): JobOutcome => {
    db.transaction(() => {
      closeMessage(db, clock, message.id, status, reason);
      if (status === 'suppressed' && message.step === 0 && message.requestId) {
        markRequestSuppressed(db, clock, message.requestId, reason);
      }
    })();
    return { type: 'cancelled', reason };
  };

  return {
    async run(job: OutboxJob): Promise<JobOutcome> {
      const message = getMessageById(db, job.refId);
      if (message?.status !== 'queued') return { type: 'cancelled', reason: 'message no longer queued' };
      const request = message.requestId ? getDeliveryRequest(db, message.requestId) : undefined;
      const business = getBusiness(db, message.organizationId, message.businessId);
      if (!request || !business) return stop(message, 'cancelled', 'request or business deleted');

      const suppressed = suppressionReason(db, request);
      if (suppressed) return stop(message, 'suppressed', suppressed);
      if (['completed', 'failed', 'suppressed'].includes(request.status)) {
        return stop(message, 'cancelled', `request ${request.status}`);
      }
      if (message.campaignId) {
        const campaign = getCampaignById(db, message.campaignId);
        if (!campaign) return stop(message, 'cancelled', 'campaign deleted');
        if (campaign.status === 'paused')
          return { type: 'postpone', until: new Date(clock().getTime() + PAUSED_RECHECK_MS) };
      }
      // A paused account (an agency suspended it) holds its messages: they wait, nothing is dropped.
      if (isOrganizationPaused(db, message.organizationId))
        return { type: 'postpone', until: new Date(clock().getTime() + PAUSED_RECHECK_MS) };
      const now = clock();
      const windowOpens = nextSendTime(now, business.timezone, business.sendWindow);
      if (windowOpens.getTime() > now.getTime()) return { type: 'postpone', until: windowOpens };

      const transport = message.sandbox ? undefined : deps.transports.forChannel(message.channel);
      let providerId: string | null = null;
      if (transport) {
        try {
          ({ providerId } = await transport.send({
            id: message.id,
            channel: message.channel,
            to: message.recipient ?? '',
            fromName: business.name,
            subject: message.subject,
            text: message.bodyText,
            html: message.bodyHtml,
            unsubscribeUrl: message.unsubscribeToken
              ? `${deps.publicUrl}/u/${message.unsubscribeToken}`
              : null,
          }));
        } catch (error) {
          if (!(error instanceof TransportError)) throw error;
          if (!error.permanent) return { type: 'retry', error: error.message };
          // Only an email can bounce: a 5xx from the receiving SMTP server is its permanent refusal.
          const bounced = message.channel === 'email';
          recordMessageFailure(db, clock, message, error.message, error.hardBounce, bounced);
          return { type: 'failed', error: error.message };
        }
      }
      db.transaction(() => {
        markMessageSent(db, clock, message.id, { transport: transport?.name ?? 'sandbox', providerId });
        if (message.requestId && markRequestSent(db, clock, message.requestId)) {
          enqueueWebhookEvent(db, clock, message.organizationId, 'request.sent', requestEventData(message));
        }
      })();
      return { type: 'done' };
    },
    giveUp(job: OutboxJob, error: string) {
      const message = getMessageById(db, job.refId);
      if (message) recordMessageFailure(db, clock, message, error, false);
    },
  };
}
