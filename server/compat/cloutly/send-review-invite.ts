import { z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { customerNameField, emailField, phoneField } from '../../api/customer-schemas';
import { CUSTOMER_PII, seesPii } from '../../api/pii';
import { createReviewRequestFor } from '../../api/review-request-create';
import { usageOf } from '../../api/usage-allowance';
import { redactDeep } from '../../domain/redaction';
import { requireScope } from '../../http/auth';
import { type AppDeps, type AppEnv, isSandbox, orgIdOf } from '../../http/context';
import { ApiError, notFound } from '../../http/errors';
import { getCampaign } from '../../store/campaigns';
import { getCustomer } from '../../store/customers';
import { getReviewRequest, type RequestMethod } from '../../store/review-requests';
import { getTemplate } from '../../store/templates';
import { bodyOf } from './validation';

const inviteBody = z
  .object({
    firstName: customerNameField,
    lastName: z.string().trim().max(100).optional(),
    channel: z
      .object({ email: emailField.optional(), phoneNumber: phoneField.optional() })
      .strict()
      .refine((channel) => channel.email || channel.phoneNumber, {
        message: 'give email and/or phoneNumber',
        path: ['email'],
      }),
    source: z.string().trim().min(1).max(100).optional(),
    sourceContactId: z.string().trim().min(1).max(200).optional(),
    businessId: z.string().min(1).max(100),
    campaignId: z.string().min(1).max(100),
    inviteDelayDays: z
      .union([z.literal(1), z.literal(3)], { error: 'must be 1 or 3 (omit it to send now)' })
      .optional(),
  })
  .strict();

type Invite = z.infer<typeof inviteBody>;

/** Native field names in errors of the shared request path, as the Cloutly caller named them. */
const FIELD_NAMES: Record<string, string> = {
  customerName: 'firstName',
  customerEmail: 'channel.email',
  customerPhone: 'channel.phoneNumber',
  email: 'channel.email',
  phone: 'channel.phoneNumber',
  delayHours: 'inviteDelayDays',
  customerSource: 'source',
  customerSourceContactId: 'sourceContactId',
};

function inCloutlyTerms(error: unknown): never {
  if (!(error instanceof ApiError) || !error.details) throw error;
  const details = Object.fromEntries(
    Object.entries(error.details).map(([field, message]) => [FIELD_NAMES[field] ?? field, message]),
  );
  throw new ApiError(error.code, error.message, details, error.headers);
}

/**
 * The channel Plaudit sends on (a request has one): the channel of the campaign's first template when it
 * names one, else SMS when there is a phone number (Cloutly's allowance is SMS), else email.
 */
function methodOf(deps: AppDeps, organizationId: string, invite: Invite): RequestMethod {
  const campaign = getCampaign(deps.db, organizationId, invite.campaignId);
  if (!campaign) throw notFound('Campaign');
  const templateId = campaign.steps.find((step) => step.templateId)?.templateId;
  const channel = templateId ? getTemplate(deps.db, organizationId, templateId)?.channel : undefined;
  const wanted = channel === 'email' ? 'email' : channel ? 'phoneNumber' : undefined;
  if (wanted && !invite.channel[wanted]) {
    throw new ApiError('VALIDATION_ERROR', `This campaign sends by ${channel}: give channel.${wanted}`, {
      [`channel.${wanted}`]: `required by campaign ${campaign.id}`,
    });
  }
  if (channel) return channel;
  return invite.channel.phoneNumber ? 'sms' : 'email';
}

/**
 * `POST /send-review-invite`: upserts the contact and creates a review request through Plaudit's one
 * request-creation path (same dedup window, suppression, send window and monthly allowance).
 */
export function cloutlySendReviewInvite(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.post('/send-review-invite', requireScope('requests:write'), async (c) => {
    const invite = await bodyOf(c, inviteBody);
    const organizationId = orgIdOf(c);
    const method = methodOf(deps, organizationId, invite);
    let created: ReturnType<typeof createReviewRequestFor>;
    try {
      created = createReviewRequestFor(
        deps,
        organizationId,
        {
          businessId: invite.businessId,
          customerName: [invite.firstName, invite.lastName].filter(Boolean).join(' '),
          customerEmail: invite.channel.email,
          customerPhone: invite.channel.phoneNumber,
          customerSource: invite.source,
          customerSourceContactId: invite.sourceContactId,
          method,
          suppressMessage: false,
          campaignId: invite.campaignId,
          delayHours: invite.inviteDelayDays ? invite.inviteDelayDays * 24 : undefined,
        },
        isSandbox(c),
      );
    } catch (error) {
      inCloutlyTerms(error);
    }
    const request = getReviewRequest(deps.db, organizationId, created.requestId);
    if (!request) throw notFound('Review request');
    if (created.deduplicated) {
      throw new ApiError(
        'CONFLICT',
        `This contact was invited to this business on ${request.createdAt}: Plaudit invites a customer to a ` +
          'business once per its dedupDays window, so nothing was sent',
        { invite: request.id },
      );
    }
    const customer = getCustomer(deps.db, organizationId, request.customerId);
    const usage = usageOf(deps, organizationId);
    const contact = {
      id: request.customerId,
      firstName: invite.firstName,
      lastName: invite.lastName ?? null,
      email: customer?.email ?? null,
      phoneNumber: customer?.phone ?? null,
      source: customer?.source ?? null,
      sourceContactId: customer?.sourceContactId ?? null,
    };
    return c.json(
      {
        contact: seesPii(c)
          ? contact
          : redactDeep(contact, {
              ...CUSTOMER_PII,
              firstName: 'name',
              lastName: 'name',
              phoneNumber: 'phone',
            }),
        usage: { smsLimitsLeft: usage?.sms.left ?? null, renews: usage?.renews ?? null },
        invite: {
          id: request.id,
          status: request.status,
          method: request.method,
          sendAt: request.sendAt,
          reason: request.suppressedReason,
        },
      },
      200,
    );
  });
  return app;
}
