import { type Clock, isoNow } from '../domain/clock';
import { randomBase62 } from '../domain/ids';
import { type Business, getBusiness } from '../store/businesses';
import { getCampaign } from '../store/campaigns';
import type { Db } from '../store/db';
import {
  type DeliveryRequest,
  findRecentRequest,
  getDeliveryRequest,
  linkRequestToCampaign,
  markRequestScheduled,
  markRequestSuppressed,
} from '../store/delivery-requests';
import { insertMessage } from '../store/messages';
import { insertOutboxJob } from '../store/outbox';
import { isSuppressed } from '../store/suppressions';
import { findTemplateFor, getTemplate } from '../store/templates';
import { renderRequestMessage } from './render-message';
import { nextSendTime } from './send-window';

const HOUR = 3_600_000;

export type EnqueueOptions = {
  publicUrl: string;
  campaignId?: string | null;
  /** Hours to wait before the first message (`sendAt` on the request wins when both are given). */
  delayHours?: number;
  /** The template of the first message when no campaign says otherwise. */
  templateId?: string | null;
};

export type EnqueueResult =
  | { status: 'pending' | 'scheduled'; dueAt: string; messageIds: string[] }
  | { status: 'suppressed'; reason: string }
  | { status: 'not_sent'; reason: string };

/** Why a request's customer must not be messaged on its channel, or undefined when they may be. */
export function suppressionReason(db: Db, request: DeliveryRequest): string | undefined {
  const { customer } = request;
  if (customer.optOut) return 'opted_out';
  if (customer.invalid) return `invalid${customer.invalidReason ? `: ${customer.invalidReason}` : ''}`;
  const contact = request.method === 'email' ? customer.email : customer.phone;
  if (!contact) return request.method === 'email' ? 'no_email' : 'no_phone';
  if (isSuppressed(db, request.organizationId, contact)) return 'suppression_list';
  return undefined;
}

/**
 * Queues a new request's first message (and its campaign's reminders) as outbox rows. Designed to run
 * inside the transaction of `createReviewRequest`: an opted-out, invalid or suppressed customer makes the
 * request `suppressed` with the reason; a time outside the business's send window (or a `sendAt` /
 * `delayHours`) makes it `scheduled`. `suppressMessage` requests get their link and no message.
 */
export function enqueueRequestMessage(
  db: Db,
  clock: Clock,
  request: { id: string },
  options: EnqueueOptions,
): EnqueueResult {
  return db.transaction((): EnqueueResult => {
    if (options.campaignId) linkRequestToCampaign(db, request.id, options.campaignId);
    const found = getDeliveryRequest(db, request.id);
    if (!found) throw new Error(`review request ${request.id} not found`);
    if (found.suppressMessage) return { status: 'not_sent', reason: 'suppress_message' };
    const business = getBusiness(db, found.organizationId, found.businessId);
    if (!business) throw new Error(`business ${found.businessId} not found`);
    const reason = suppressionReason(db, found);
    if (reason) {
      markRequestSuppressed(db, clock, found.id, reason);
      return { status: 'suppressed', reason };
    }
    const now = clock();
    const explicit = found.sendAt
      ? new Date(found.sendAt)
      : new Date(now.getTime() + (options.delayHours ?? 0) * HOUR);
    const start = explicit.getTime() > now.getTime() ? explicit : now;
    const steps = stepsOf(db, found, options.templateId ?? null);
    const messageIds: string[] = [];
    let due = start;
    steps.forEach((step, index) => {
      due = nextSendTime(
        new Date(due.getTime() + (index === 0 ? 0 : step.delayHours * HOUR)),
        business.timezone,
        business.sendWindow,
      );
      messageIds.push(queueStep(db, clock, options.publicUrl, found, business, index, step.templateId, due));
    });
    const firstDue = nextSendTime(start, business.timezone, business.sendWindow);
    if (firstDue.getTime() > now.getTime()) {
      markRequestScheduled(db, clock, found.id, firstDue.toISOString());
      return { status: 'scheduled', dueAt: firstDue.toISOString(), messageIds };
    }
    return { status: 'pending', dueAt: isoNow(clock), messageIds };
  })();
}

function stepsOf(
  db: Db,
  request: DeliveryRequest,
  templateId: string | null,
): Array<{ delayHours: number; templateId: string | null }> {
  const campaign = request.campaignId
    ? getCampaign(db, request.organizationId, request.campaignId)
    : undefined;
  return campaign?.steps.length ? campaign.steps : [{ delayHours: 0, templateId }];
}

/** The template a message uses: the one named, else the organization's for the channel, else undefined (built-in). */
export function templateForMessage(
  db: Db,
  organizationId: string,
  business: Business,
  channel: DeliveryRequest['method'],
  templateId: string | null,
) {
  return (
    (templateId ? getTemplate(db, organizationId, templateId) : undefined) ??
    findTemplateFor(db, organizationId, business.id, channel, business.locale)
  );
}

function queueStep(
  db: Db,
  clock: Clock,
  publicUrl: string,
  request: DeliveryRequest,
  business: Business,
  step: number,
  templateId: string | null,
  due: Date,
): string {
  const channel = request.method;
  const template = templateForMessage(db, request.organizationId, business, channel, templateId);
  const unsubscribeToken = channel === 'email' ? randomBase62(24) : null;
  const rendered = renderRequestMessage({
    publicUrl,
    request,
    business,
    channel,
    template,
    unsubscribeToken,
  });
  const messageId = insertMessage(db, clock, {
    organizationId: request.organizationId,
    businessId: business.id,
    requestId: request.id,
    customerId: request.customerId,
    campaignId: request.campaignId,
    step,
    channel,
    recipient: (channel === 'email' ? request.customer.email : request.customer.phone) ?? '',
    subject: rendered.subject,
    bodyText: rendered.text,
    bodyHtml: rendered.html,
    sandbox: request.sandbox,
    unsubscribeToken,
    dueAt: due.toISOString(),
  });
  insertOutboxJob(db, clock, { kind: 'message', refId: messageId, dueAt: due.toISOString() });
  return messageId;
}

/**
 * The request to answer instead of creating a new one when the same customer was invited to the same
 * business inside its dedup window (`dedupDays`, default 14); undefined when a new request is due.
 */
export function findDuplicateRequest(
  db: Db,
  clock: Clock,
  input: {
    organizationId: string;
    businessId: string;
    customerId: string;
    dedupDays: number;
    exceptId?: string;
  },
): { id: string } | undefined {
  if (input.dedupDays <= 0) return undefined;
  const since = new Date(clock().getTime() - input.dedupDays * 24 * HOUR).toISOString();
  return findRecentRequest(
    db,
    input.organizationId,
    input.businessId,
    input.customerId,
    since,
    input.exceptId ?? null,
  );
}
