import { Hono } from 'hono';
import { z } from 'zod';
import { createReviewRequestFor } from '../../api/review-request-create';
import { createReviewRequestBody } from '../../api/review-request-schemas';
import type { AppDeps } from '../../http/context';
import { getCampaign, listCampaigns } from '../../store/campaigns';
import { type EmrEnv, orgOf, requirePermissions, sandboxOf } from './auth';
import { EmrError, fromNative, invalid } from './errors';
import { bodyOf, intField, pageOf, parse, textField } from './input';
import { businessOfNumber, integerOf } from './lookups';
import { PER_PAGE, paginatedEnvelope } from './pagination';

const ALL = { limit: 10_000, offset: 0 };

const inviteBody = z.object({
  email: z.string({ message: 'must be a string' }).trim().nullable().optional(),
  phone: z.string({ message: 'must be a string' }).trim().nullable().optional(),
  first_name: textField(255).nullable().optional(),
  last_name: textField(255).nullable().optional(),
  send_after_hours: intField(0, 24 * 90)
    .nullable()
    .optional(),
});

/** The product's field for each native request field, to name it in a 422. */
const PRODUCT_FIELD: Record<string, string> = {
  customerEmail: 'email',
  customerPhone: 'phone',
  customerName: 'first_name',
  delayHours: 'send_after_hours',
};

/**
 * `/request-reviews/campaigns` (Plaudit's campaigns; their ids are Plaudit's `camp_…` ids where the product
 * shows UUIDs) and `…/{campaign}/invite`, which creates a review request through Plaudit's one creation path:
 * dedup window, opt-outs, send window and the campaign's steps all apply as they do natively.
 */
export function campaignsRoutes(deps: AppDeps) {
  const app = new Hono<EmrEnv>();

  app.get('/request-reviews/campaigns', requirePermissions('request:read'), (c) => {
    const orgId = orgOf(c);
    const page = pageOf(c);
    let campaigns = listCampaigns(deps.db, orgId, ALL).items;
    const organization = c.req.query('organization_id');
    if (organization !== undefined) {
      const business = businessOfNumber(deps, orgId, integerOf(organization));
      campaigns = campaigns.filter((campaign) => campaign.businessId === business?.id);
    }
    const search = c.req.query('search')?.trim().toLowerCase();
    if (search) campaigns = campaigns.filter((campaign) => campaign.name.toLowerCase().includes(search));
    const items = campaigns
      .slice((page - 1) * PER_PAGE, page * PER_PAGE)
      .map((campaign) => ({ id: campaign.id, name: campaign.name }));
    return c.json(paginatedEnvelope(c, deps.config.publicUrl, items, campaigns.length, page), 200);
  });

  app.post(
    '/request-reviews/campaigns/:campaign/invite',
    requirePermissions('request:read', 'request:create'),
    async (c) => {
      const orgId = orgOf(c);
      const campaign = getCampaign(deps.db, orgId, c.req.param('campaign'));
      if (!campaign) throw new EmrError(404, 'Campaign not found.');
      const input = parse(inviteBody, await bodyOf(c));
      if (!input.email && !input.phone) {
        throw invalid({
          email: ['The email field is required when phone is not present.'],
          phone: ['The phone field is required when email is not present.'],
        });
      }
      const name = [input.first_name, input.last_name].filter(Boolean).join(' ') || undefined;
      const body = createReviewRequestBody.safeParse({
        businessId: campaign.businessId,
        customerName: name,
        customerEmail: input.email || undefined,
        customerPhone: input.phone || undefined,
        // Email when there is an address; the phone is kept on the contact either way.
        method: input.email ? 'email' : 'sms',
        campaignId: campaign.id,
        delayHours: input.send_after_hours ?? undefined,
      });
      if (!body.success) throw fromNative(body.error, PRODUCT_FIELD);
      const { requestId } = createReviewRequestFor(deps, orgId, body.data, sandboxOf(c));
      return c.json({ id: requestId, message: 'Invites sent successfully.' }, 202);
    },
  );

  return app;
}
