import { createRoute, z } from '@hono/zod-openapi';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema, paginationQuery } from '../http/pagination';
import { newRouter } from '../http/router';
import { businessBelongsTo } from '../store/businesses';
import {
  type Campaign,
  type CampaignFields,
  campaignFunnel,
  deleteCampaign,
  getCampaign,
  insertCampaign,
  listCampaigns,
  updateCampaign,
} from '../store/campaigns';
import { getTemplate } from '../store/templates';
import { errorResponses, idOf, idParam, jsonBody, jsonResponse, security } from './common-schemas';
import { updateBodyOf } from './update-schema';

const tags = ['Campaigns'];
const params = idParam('Campaign', 'camp_3kTz9QwErTyUiOpA');

const stepBody = z
  .object({
    delayHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(0),
    templateId: idOf('tpl').nullable().optional(),
  })
  .strict();

const campaignBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    businessId: idOf('biz'),
    status: z.enum(['active', 'paused']).default('active'),
    steps: z
      .array(stepBody)
      .min(1)
      .max(4)
      .default([{ delayHours: 0 }])
      .openapi({
        description: 'The first message, then up to 3 reminders sent delayHours after the step before',
      }),
  })
  .strict();

const updateBody = updateBodyOf(campaignBody);

export const campaignSchema = z
  .object({
    id: z.string(),
    businessId: z.string(),
    name: z.string(),
    status: z.enum(['active', 'paused']),
    steps: z.array(
      z.object({
        position: z.number().int(),
        delayHours: z.number().int(),
        templateId: z.string().nullable(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Campaign');

export const funnelSchema = z
  .object({
    counts: z.record(z.string(), z.number().int()),
    rates: z
      .record(z.string(), z.number())
      .openapi({ description: 'Each count divided by invited (0 when none)' }),
  })
  .openapi('CampaignFunnel');

const present = (c: Campaign) => ({
  id: c.id,
  businessId: c.businessId,
  name: c.name,
  status: c.status,
  steps: c.steps,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/** `/campaigns`: a first message and up to 3 reminders for requests that have not completed; pausable; a funnel. */
export function campaignsApi(deps: AppDeps) {
  const app = newRouter();

  const checked = (orgId: string, fields: CampaignFields): CampaignFields => {
    if (!businessBelongsTo(deps.db, orgId, fields.businessId)) {
      throw new ApiError('VALIDATION_ERROR', 'Unknown business', { businessId: 'no such business' });
    }
    fields.steps.forEach((step, index) => {
      if (step.templateId && !getTemplate(deps.db, orgId, step.templateId)) {
        throw new ApiError('VALIDATION_ERROR', 'Unknown template', {
          [`steps.${index}.templateId`]: 'no such template',
        });
      }
      if (index > 0 && step.delayHours < 1) {
        throw new ApiError('VALIDATION_ERROR', 'A reminder needs a delay', {
          [`steps.${index}.delayHours`]: 'at least 1',
        });
      }
    });
    return fields;
  };
  const stepsOf = (steps: z.infer<typeof stepBody>[]) =>
    steps.map((s) => ({ delayHours: s.delayHours, templateId: s.templateId ?? null }));

  app.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns',
      tags,
      security,
      summary: 'Create a campaign',
      middleware: [requireScope('campaigns:write')],
      request: { body: jsonBody(campaignBody) },
      responses: { 201: jsonResponse(campaignSchema, 'Created'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const input = c.req.valid('json');
      const fields = checked(orgId, { ...input, steps: stepsOf(input.steps) });
      return c.json(present(insertCampaign(deps.db, deps.clock, orgId, fields)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns',
      tags,
      security,
      summary: 'List campaigns',
      middleware: [requireScope('campaigns:read')],
      request: { query: paginationQuery },
      responses: { 200: jsonResponse(paginatedSchema(campaignSchema), 'Campaigns'), ...errorResponses },
    }),
    (c) => {
      const query = c.req.valid('query');
      const { items, total } = listCampaigns(deps.db, orgIdOf(c), pageWindow(query));
      return c.json(paginated(items.map(present), total, query), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{id}',
      tags,
      security,
      summary: 'Get a campaign',
      middleware: [requireScope('campaigns:read')],
      request: { params },
      responses: { 200: jsonResponse(campaignSchema, 'The campaign'), ...errorResponses },
    }),
    (c) => {
      const campaign = getCampaign(deps.db, orgIdOf(c), c.req.valid('param').id);
      if (!campaign) throw notFound('Campaign');
      return c.json(present(campaign), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/campaigns/{id}',
      tags,
      security,
      summary: 'Update a campaign (status: paused holds every message of it until resumed)',
      middleware: [requireScope('campaigns:write')],
      request: { params, body: jsonBody(updateBody) },
      responses: { 200: jsonResponse(campaignSchema, 'Updated'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const current = getCampaign(deps.db, orgId, c.req.valid('param').id);
      if (!current) throw notFound('Campaign');
      const input = c.req.valid('json');
      const fields = checked(orgId, {
        name: input.name ?? current.name,
        businessId: input.businessId ?? current.businessId,
        status: input.status ?? current.status,
        steps: input.steps ? stepsOf(input.steps) : current.steps,
      });
      return c.json(present(updateCampaign(deps.db, deps.clock, orgId, current.id, fields)!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/campaigns/{id}',
      tags,
      security,
      summary: 'Delete a campaign (its unsent reminders are dropped)',
      middleware: [requireScope('campaigns:write')],
      request: { params },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    (c) => {
      if (!deleteCampaign(deps.db, orgIdOf(c), c.req.valid('param').id)) throw notFound('Campaign');
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{id}/funnel',
      tags,
      security,
      summary:
        'Funnel: invited, delivered, opened, clicked, completed, private feedback, unsubscribed, failed',
      middleware: [requireScope('campaigns:read')],
      request: { params },
      responses: { 200: jsonResponse(funnelSchema, 'The funnel'), ...errorResponses },
    }),
    (c) => {
      const campaign = getCampaign(deps.db, orgIdOf(c), c.req.valid('param').id);
      if (!campaign) throw notFound('Campaign');
      const counts = campaignFunnel(deps.db, campaign.id);
      const rates = Object.fromEntries(
        Object.entries(counts).map(([key, n]) => [
          key,
          counts.invited ? Math.round((n / counts.invited) * 1000) / 1000 : 0,
        ]),
      );
      return c.json({ counts: { ...counts }, rates }, 200);
    },
  );

  return app;
}
