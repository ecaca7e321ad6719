import { type Context, Hono } from 'hono';
import { recordMessageFailure } from '../delivery/message-failure';
import { optOutCustomer } from '../delivery/opt-out';
import { HARD_BOUNCE_CODES } from '../delivery/sms';
import { isValidTwilioSignature } from '../delivery/twilio-signature';
import { normalizePhone } from '../domain/phone';
import { smsKeyword } from '../domain/sms-keywords';
import type { AppDeps, AppEnv } from '../http/context';
import { requestHeader } from '../http/request-header';
import { getBusiness } from '../store/businesses';
import { findMessageByProviderId, latestMessageToPhone, markMessageDelivered } from '../store/messages';
import { customersWithPhone, setCustomerOptOut } from '../store/suppressions';

const xmlEscape = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/** A TwiML answer: nothing, or one reply message. */
const twiml = (c: Context, reply?: string) =>
  c.body(
    `<?xml version="1.0" encoding="UTF-8"?><Response>${reply ? `<Message>${xmlEscape(reply)}</Message>` : ''}</Response>`,
    200,
    { 'content-type': 'text/xml; charset=utf-8' },
  );

/**
 * The SMS provider's callbacks: `POST /hooks/sms/inbound` (replies: STOP family opts out, START/UNSTOP opts
 * back in, HELP answers with the business's contact) and `POST /hooks/sms/status` (delivery reports).
 * Both are refused (403) unless the provider's signature over the public URL and form is right.
 */
export function smsHookRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const verifiedForm = async (c: Context, path: string): Promise<Record<string, string> | undefined> => {
    const token = deps.config.twilio.authToken;
    if (!token) return undefined;
    const body = await c.req.parseBody();
    const form = Object.fromEntries(
      Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    const url = `${deps.config.publicUrl}${path}`;
    return isValidTwilioSignature(token, url, form, requestHeader(c, 'x-twilio-signature'))
      ? form
      : undefined;
  };

  app.post('/hooks/sms/inbound', async (c) => {
    const form = await verifiedForm(c, '/hooks/sms/inbound');
    if (!form) return c.text('Forbidden', 403);
    const phone = normalizePhone((form.From ?? '').replace(/^whatsapp:/, ''));
    const keyword = smsKeyword(form.Body ?? '');
    if (!phone || !keyword) return twiml(c);
    const customers = customersWithPhone(deps.db, phone);
    if (keyword === 'stop') {
      for (const customer of customers) optOutCustomer(deps.db, deps.clock, customer, 'sms_keyword');
      return twiml(c);
    }
    if (keyword === 'start') {
      for (const customer of customers) setCustomerOptOut(deps.db, deps.clock, customer.id, false);
      return twiml(c);
    }
    const last = latestMessageToPhone(deps.db, phone);
    const business = last && getBusiness(deps.db, last.organizationId, last.businessId);
    if (!business) return twiml(c, 'Reply STOP to stop messages.');
    const contact = [business.phone, business.website].filter(Boolean).join(' or ');
    return twiml(
      c,
      `${business.name}${contact ? `: contact us at ${contact}` : ''}. Reply STOP to stop messages.`,
    );
  });

  app.post('/hooks/sms/status', async (c) => {
    const form = await verifiedForm(c, '/hooks/sms/status');
    if (!form) return c.text('Forbidden', 403);
    const message = form.MessageSid ? findMessageByProviderId(deps.db, form.MessageSid) : undefined;
    if (!message) return c.body(null, 204);
    const status = form.MessageStatus ?? form.SmsStatus;
    if (status === 'delivered' || status === 'read') markMessageDelivered(deps.db, deps.clock, message.id);
    if ((status === 'failed' || status === 'undelivered') && message.status !== 'failed') {
      const code = Number(form.ErrorCode);
      const reason = `provider: ${status}${form.ErrorCode ? ` (error ${form.ErrorCode})` : ''}`;
      recordMessageFailure(deps.db, deps.clock, message, reason, HARD_BOUNCE_CODES.has(code));
    }
    return c.body(null, 204);
  });

  return app;
}
