import { hostname } from 'node:os';
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { type Outgoing, type Transport, TransportError } from './transport';

type SmtpError = Error & { responseCode?: number; code?: string };

/** The sender when PLAUDIT_MAIL_FROM is unset: no-reply at the public host. */
export function defaultMailFrom(publicUrl: string): string {
  let host = hostname();
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // keep the machine name
  }
  return `no-reply@${host}`;
}

/** Mailbox-does-not-exist replies (RFC 5321 550/551/553; enhanced 5.1.x): the address is bad, not the moment. */
const isHardBounce = (error: SmtpError) =>
  error.responseCode !== undefined &&
  [550, 551, 553].includes(error.responseCode) &&
  /5\.1\.\d/.test(error.message);

/**
 * Email over SMTP (pooled connections). Multipart text + HTML; `List-Unsubscribe` with the one-click POST
 * header of RFC 8058; the message id is the outbox message id, so a receiver can drop a repeat.
 */
export function smtpTransport(options: { url: string; from: string; maxConnections?: number }): Transport {
  const transporter = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: Number.POSITIVE_INFINITY,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as SMTPPool.Options);
  const fromAddress = options.from.match(/<([^>]+)>/)?.[1] ?? options.from;
  return {
    name: 'smtp',
    async send(message: Outgoing) {
      const headers: Record<string, string> = {};
      if (message.unsubscribeUrl) {
        headers['List-Unsubscribe'] = `<${message.unsubscribeUrl}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      try {
        const info = await transporter.sendMail({
          from: { name: message.fromName, address: fromAddress },
          to: message.to,
          subject: message.subject ?? '',
          text: message.text,
          html: message.html ?? undefined,
          messageId: `<${message.id}@plaudit>`,
          headers,
        });
        return { providerId: info.messageId ?? null };
      } catch (caught) {
        const error = caught as SmtpError;
        const permanent = error.responseCode !== undefined && error.responseCode >= 500;
        throw new TransportError(`SMTP: ${error.message}`, permanent, isHardBounce(error));
      }
    },
    close: () => transporter.close(),
  };
}
