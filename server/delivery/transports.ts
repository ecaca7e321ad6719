import type { Config } from '../config';
import type { Logger } from '../logger';
import { defaultMailFrom, smtpTransport } from './email';
import { twilioTransport } from './sms';
import type { Channel } from './templates';
import type { Transport } from './transport';

/** The log transport: prints the message; the messages table keeps it for `GET /messages`. */
export function logTransport(logger: Logger): Transport {
  return {
    name: 'log',
    async send(message) {
      logger.info(
        {
          messageId: message.id,
          channel: message.channel,
          to: message.to,
          subject: message.subject,
          text: message.text,
        },
        'message (log transport: not transmitted)',
      );
      return { providerId: null };
    },
  };
}

export type Transports = { forChannel(channel: Channel): Transport; close(): void };

/** SMTP for email and the Twilio-compatible API for SMS/WhatsApp when configured; the log transport otherwise. */
export function transportsFromConfig(config: Config, logger: Logger): Transports {
  const log = logTransport(logger);
  const email = config.smtpUrl
    ? smtpTransport({ url: config.smtpUrl, from: config.mailFrom ?? defaultMailFrom(config.publicUrl) })
    : log;
  const { accountSid, authToken } = config.twilio;
  const sms =
    accountSid && authToken
      ? twilioTransport({
          baseUrl: config.twilio.baseUrl,
          accountSid,
          authToken,
          from: config.twilio.from,
          whatsappFrom: config.twilio.whatsappFrom,
          statusCallbackUrl: `${config.publicUrl}/hooks/sms/status`,
        })
      : log;
  return {
    forChannel: (channel) => (channel === 'email' ? email : sms),
    close: () => {
      email.close?.();
      sms.close?.();
    },
  };
}
