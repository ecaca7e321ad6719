import type { Channel } from './templates';

/** A rendered message on its way to a provider. `id` doubles as the provider-side idempotency key. */
export type Outgoing = {
  id: string;
  channel: Channel;
  to: string;
  fromName: string;
  subject: string | null;
  text: string;
  html: string | null;
  unsubscribeUrl: string | null;
};

export type Transport = {
  name: 'log' | 'smtp' | 'twilio';
  /** Resolves with the provider's id for the message; throws TransportError when it was not accepted. */
  send(message: Outgoing): Promise<{ providerId: string | null }>;
  close?(): void;
};

/**
 * A provider refused or could not take the message. `permanent` ones are not retried; a `hardBounce`
 * (no such mailbox or number) also marks the customer invalid.
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly hardBounce = false,
  ) {
    super(message);
  }
}
