import { createRoute, z } from '@hono/zod-openapi';
import { smsEncoding } from '../delivery/sms-encoding';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema, paginationQuery } from '../http/pagination';
import { newRouter } from '../http/router';
import { getMessage, listMessages, type Message } from '../store/messages';
import { booleanQuery, errorResponses, idOf, idParam, jsonResponse, security } from './common-schemas';
import { MESSAGE_PII, personal, withPiiNote } from './pii';

const tags = ['Messages'];

export const messageSchema = z
  .object({
    id: z.string(),
    businessId: z.string(),
    requestId: z.string().nullable(),
    customerId: z.string().nullable(),
    campaignId: z.string().nullable(),
    step: z.number().int().openapi({ description: '0 for the first message, 1–3 for reminders' }),
    channel: z.enum(['email', 'sms', 'whatsapp']),
    transport: z
      .string()
      .nullable()
      .openapi({ description: 'log, smtp, twilio or sandbox once it went out' }),
    recipient: z.string().nullable(),
    subject: z.string().nullable(),
    text: z.string().nullable().openapi({ description: 'The rendered text; null without `pii:read`' }),
    html: z.string().nullable(),
    sms: z
      .object({ encoding: z.enum(['GSM-7', 'UCS-2']), length: z.number().int(), segments: z.number().int() })
      .nullable(),
    status: z.enum(['queued', 'sent', 'delivered', 'failed', 'suppressed', 'cancelled']),
    sandbox: z.boolean(),
    providerId: z.string().nullable(),
    error: z.string().nullable(),
    dueAt: z.string(),
    sentAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Message');

/** A message as the API shows it: the rendered text, and the SMS encoding and segment count. */
export const presentMessage = (m: Message) => ({
  id: m.id,
  businessId: m.businessId,
  requestId: m.requestId,
  customerId: m.customerId,
  campaignId: m.campaignId,
  step: m.step,
  channel: m.channel,
  transport: m.transport,
  recipient: m.recipient,
  subject: m.subject,
  text: m.bodyText,
  html: m.bodyHtml,
  sms: m.channel === 'email' ? null : smsEncoding(m.bodyText),
  status: m.status,
  sandbox: m.sandbox,
  providerId: m.providerId,
  error: m.error,
  dueAt: m.dueAt,
  sentAt: m.sentAt,
  deliveredAt: m.deliveredAt,
  failedAt: m.failedAt,
  createdAt: m.createdAt,
});

/** `/messages`: every message sent, or that would have been (log transport, sandbox keys), with its text. */
export function messagesApi(deps: AppDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/messages',
      tags,
      security,
      summary: 'List messages',
      description: withPiiNote(),
      middleware: [requireScope('messages:read')],
      request: {
        query: paginationQuery.extend({
          channel: z.enum(['email', 'sms', 'whatsapp']).optional(),
          status: z.enum(['queued', 'sent', 'delivered', 'failed', 'suppressed', 'cancelled']).optional(),
          requestId: idOf('rr').optional(),
          customerId: idOf('cust').optional(),
          sandbox: booleanQuery.optional(),
        }),
      },
      responses: {
        200: jsonResponse(paginatedSchema(messageSchema), 'Messages, newest first'),
        ...errorResponses,
      },
    }),
    (c) => {
      const query = c.req.valid('query');
      const { items, total } = listMessages(deps.db, orgIdOf(c), query, pageWindow(query));
      const shown = personal(c, items.map(presentMessage), MESSAGE_PII);
      return c.json(paginated(shown, total, query), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/messages/{id}',
      tags,
      security,
      summary: 'Get a message',
      description: withPiiNote(),
      middleware: [requireScope('messages:read')],
      request: { params: idParam('Message', 'msg_3kTz9QwErTyUiOpA') },
      responses: { 200: jsonResponse(messageSchema, 'The message'), ...errorResponses },
    }),
    (c) => {
      const message = getMessage(deps.db, orgIdOf(c), c.req.valid('param').id);
      if (!message) throw notFound('Message');
      return c.json(personal(c, presentMessage(message), MESSAGE_PII), 200);
    },
  );

  return app;
}
