import { createRoute, z } from '@hono/zod-openapi';
import { previewRequestMessage } from '../delivery/request-preview';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { newRouter } from '../http/router';
import { errorResponses, idOf, jsonBody, jsonResponse, security } from './common-schemas';
import { customerNameField } from './customer-schemas';
import { activeBusiness, checkMessageChoice } from './request-inputs';

const previewBody = z
  .object({
    businessId: idOf('biz'),
    method: z.enum(['sms', 'email', 'whatsapp']),
    customerName: customerNameField.optional(),
    templateId: idOf('tpl').optional(),
    campaignId: idOf('camp').optional(),
  })
  .strict()
  .openapi('ReviewRequestPreviewInput');

export const previewSchema = z
  .object({
    channel: z.enum(['sms', 'email', 'whatsapp']),
    templateId: z.string().nullable().openapi({ description: 'null: the built-in template' }),
    subject: z.string().nullable(),
    text: z.string().openapi({ description: 'The exact text, with a link of the real length' }),
    sms: z
      .object({
        encoding: z.enum(['GSM-7', 'UCS-2']),
        length: z.number().int().openapi({ description: 'Septets (GSM-7) or UTF-16 units (UCS-2)' }),
        segments: z.number().int(),
      })
      .nullable()
      .openapi({
        description: 'SMS and WhatsApp: how the text is encoded and how many parts it is billed as',
      }),
  })
  .openapi('ReviewRequestPreview');

/** `POST /review-requests/preview`: the message a request would send, before sending it. */
export function reviewRequestPreviewApi(deps: AppDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/review-requests/preview',
      tags: ['Review requests'],
      security,
      summary: 'Preview the first message of a request',
      description:
        'Rendered by the code that renders real sends (template choice, placeholders, the unsubscribe line ' +
        'of email), with the SMS encoding (GSM-7 or UCS-2) and segment count. Writes nothing.',
      middleware: [requireScope('requests:write')],
      request: { body: jsonBody(previewBody) },
      responses: { 200: jsonResponse(previewSchema, 'The message'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const body = c.req.valid('json');
      const business = activeBusiness(deps, orgId, body.businessId);
      checkMessageChoice(deps, orgId, body);
      const preview = previewRequestMessage(deps.db, deps.config.publicUrl, business, {
        channel: body.method,
        customerName: body.customerName ?? null,
        templateId: body.templateId,
        campaignId: body.campaignId,
      });
      return c.json(preview, 200);
    },
  );
  return app;
}
