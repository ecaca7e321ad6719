import { createRoute, z } from '@hono/zod-openapi';
import { CHANNELS, PLACEHOLDERS, templatePreview, templateProblems } from '../delivery/templates';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema, paginationQuery } from '../http/pagination';
import { newRouter } from '../http/router';
import { businessBelongsTo } from '../store/businesses';
import {
  deleteTemplate,
  getTemplate,
  insertTemplate,
  listTemplates,
  type Template,
  type TemplateFields,
  updateTemplate,
} from '../store/templates';
import { errorResponses, idOf, idParam, jsonBody, jsonResponse, security } from './common-schemas';

const tags = ['Templates'];
const params = idParam('Template', 'tpl_3kTz9QwErTyUiOpA');

const templateBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    channel: z.enum(CHANNELS),
    language: z
      .string()
      .regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, 'must be a language tag such as en or pt-BR')
      .default('en'),
    subject: z.string().max(200).nullable().optional(),
    body: z
      .string()
      .min(1)
      .max(10_000)
      .openapi({
        description: `Placeholders: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}; {{link}} is required`,
      }),
    businessId: idOf('biz')
      .nullable()
      .optional()
      .openapi({ description: 'Only for this business (default: all)' }),
  })
  .strict();

export const templateSchema = z
  .object({
    id: z.string(),
    businessId: z.string().nullable(),
    name: z.string(),
    channel: z.enum(CHANNELS),
    language: z.string(),
    subject: z.string().nullable(),
    body: z.string(),
    preview: z.object({
      subject: z.string().nullable(),
      body: z.string(),
      sms: z
        .object({
          encoding: z.enum(['GSM-7', 'UCS-2']),
          length: z.number().int(),
          segments: z.number().int(),
        })
        .nullable()
        .openapi({ description: 'SMS/WhatsApp: encoding and segment count of the sample rendering' }),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Template');

const present = (t: Template) => ({
  id: t.id,
  businessId: t.businessId,
  name: t.name,
  channel: t.channel,
  language: t.language,
  subject: t.subject,
  body: t.body,
  preview: templatePreview(t),
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

/** `/templates`: message templates per channel and language, validated when saved. */
export function templatesApi(deps: AppDeps) {
  const app = newRouter();

  const fieldsOf = (orgId: string, input: z.infer<typeof templateBody>): TemplateFields => {
    const problems = templateProblems(input);
    if (Object.keys(problems).length) throw new ApiError('VALIDATION_ERROR', 'Invalid template', problems);
    if (input.businessId && !businessBelongsTo(deps.db, orgId, input.businessId)) throw notFound('Business');
    return {
      businessId: input.businessId ?? null,
      name: input.name,
      channel: input.channel,
      language: input.language,
      subject: input.channel === 'email' ? (input.subject ?? null) : null,
      body: input.body,
    };
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/templates',
      tags,
      security,
      summary: 'Create a template',
      middleware: [requireScope('campaigns:write')],
      request: { body: jsonBody(templateBody) },
      responses: { 201: jsonResponse(templateSchema, 'Created'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      return c.json(
        present(insertTemplate(deps.db, deps.clock, orgId, fieldsOf(orgId, c.req.valid('json')))),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/templates',
      tags,
      security,
      summary: 'List templates',
      middleware: [requireScope('campaigns:read')],
      request: { query: paginationQuery.extend({ channel: z.enum(CHANNELS).optional() }) },
      responses: { 200: jsonResponse(paginatedSchema(templateSchema), 'Templates'), ...errorResponses },
    }),
    (c) => {
      const query = c.req.valid('query');
      const { items, total } = listTemplates(deps.db, orgIdOf(c), query, pageWindow(query));
      return c.json(paginated(items.map(present), total, query), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/templates/{id}',
      tags,
      security,
      summary: 'Get a template with a sample rendering',
      middleware: [requireScope('campaigns:read')],
      request: { params },
      responses: { 200: jsonResponse(templateSchema, 'The template'), ...errorResponses },
    }),
    (c) => {
      const template = getTemplate(deps.db, orgIdOf(c), c.req.valid('param').id);
      if (!template) throw notFound('Template');
      return c.json(present(template), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/templates/{id}',
      tags,
      security,
      summary: 'Replace a template',
      middleware: [requireScope('campaigns:write')],
      request: { params, body: jsonBody(templateBody) },
      responses: { 200: jsonResponse(templateSchema, 'Updated'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const id = c.req.valid('param').id;
      if (!getTemplate(deps.db, orgId, id)) throw notFound('Template');
      const updated = updateTemplate(deps.db, deps.clock, orgId, id, fieldsOf(orgId, c.req.valid('json')));
      return c.json(present(updated!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/templates/{id}',
      tags,
      security,
      summary: 'Delete a template (campaign steps using it fall back to the built-in one)',
      middleware: [requireScope('campaigns:write')],
      request: { params },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    (c) => {
      if (!deleteTemplate(deps.db, orgIdOf(c), c.req.valid('param').id)) throw notFound('Template');
      return c.body(null, 204);
    },
  );

  return app;
}
