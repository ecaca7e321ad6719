import type { Business } from '../store/businesses';
import type { DeliveryRequest } from '../store/delivery-requests';
import type { Template } from '../store/templates';
import { renderEmailHtml } from './email-html';
import { type Channel, defaultTemplate, renderTemplate, templateValues } from './templates';

export type RenderedMessage = { subject: string | null; text: string; html: string | null };

/** The request's link and, for email, the unsubscribe link, filled into the template (or the built-in one). */
export function renderRequestMessage(input: {
  publicUrl: string;
  request: Pick<DeliveryRequest, 'code'> & { customer: { name: string | null } };
  business: Business;
  channel: Channel;
  template: Template | undefined;
  unsubscribeToken: string | null;
}): RenderedMessage {
  const { request, business, channel, publicUrl } = input;
  const source = input.template ?? defaultTemplate(channel, business.locale);
  const link = `${publicUrl}/r/${request.code}`;
  const values = templateValues({ customerName: request.customer.name, businessName: business.name, link });
  const body = renderTemplate(source.body, values);
  if (channel !== 'email') return { subject: null, text: body, html: null };
  const unsubscribeUrl = `${publicUrl}/u/${input.unsubscribeToken}`;
  return {
    subject: renderTemplate(source.subject ?? '', values),
    text: `${body}\n\n--\nUnsubscribe: ${unsubscribeUrl}`,
    html: renderEmailHtml(
      body,
      { businessName: business.name, brandColor: business.brandColor, logoUrl: business.logoUrl },
      { link, unsubscribeUrl },
    ),
  };
}
