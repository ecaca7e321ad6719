import { type Outgoing, type Transport, TransportError } from './transport';

export type TwilioOptions = {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  from?: string;
  whatsappFrom?: string;
  /** Where the provider posts delivery status updates. */
  statusCallbackUrl: string;
  timeoutMs?: number;
};

/** Provider error codes that mean the number itself is bad (Twilio: invalid "To", not a mobile number). */
export const HARD_BOUNCE_CODES = new Set([21211, 21214, 21614, 30005, 30006]);

/**
 * SMS and WhatsApp through a Twilio-compatible Messages API: a form-encoded POST with Basic auth and the
 * message id as `I-Twilio-Idempotency-Token`, so a retry after a lost answer is not sent twice.
 */
export function twilioTransport(options: TwilioOptions): Transport {
  const endpoint = `${options.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  return {
    name: 'twilio',
    async send(message: Outgoing) {
      const whatsapp = message.channel === 'whatsapp';
      const from = whatsapp ? options.whatsappFrom : options.from;
      if (!from) throw new TransportError(`No sender configured for ${message.channel}`, true);
      const form = new URLSearchParams({
        To: whatsapp ? `whatsapp:${message.to}` : message.to,
        From: whatsapp && !from.startsWith('whatsapp:') ? `whatsapp:${from}` : from,
        Body: message.text,
        StatusCallback: options.statusCallbackUrl,
      });
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: {
            authorization: auth,
            'content-type': 'application/x-www-form-urlencoded',
            'i-twilio-idempotency-token': message.id,
          },
          body: form,
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        throw new TransportError(`SMS provider unreachable: ${(error as Error).message}`, false);
      }
      const body = (await response.json().catch(() => ({}))) as {
        sid?: string;
        code?: number;
        message?: string;
      };
      if (response.ok && body.sid) return { providerId: body.sid };
      const reason = `SMS provider ${response.status}${body.code ? ` (${body.code})` : ''}: ${body.message ?? 'no detail'}`;
      const transient = response.status === 429 || response.status >= 500 || response.ok;
      throw new TransportError(
        reason,
        !transient,
        body.code !== undefined && HARD_BOUNCE_CODES.has(body.code),
      );
    },
  };
}
