import { newPublicCode, randomBase62 } from '../domain/ids';
import type { Business } from '../store/businesses';
import { getCampaign } from '../store/campaigns';
import type { Db } from '../store/db';
import { renderRequestMessage } from './render-message';
import { templateForMessage } from './request-messages';
import { type SmsEncoding, smsEncoding } from './sms-encoding';
import type { Channel } from './templates';

export type RequestPreview = {
  channel: Channel;
  templateId: string | null;
  subject: string | null;
  text: string;
  sms: SmsEncoding | null;
};

/**
 * The first message a new request would send, rendered by the same code as a real send. The link's code and
 * the unsubscribe token are drawn at send time; stand-ins of the same length keep the segment count exact.
 */
export function previewRequestMessage(
  db: Db,
  publicUrl: string,
  business: Business,
  input: { channel: Channel; customerName: string | null; templateId?: string; campaignId?: string },
): RequestPreview {
  const campaign = input.campaignId ? getCampaign(db, business.organizationId, input.campaignId) : undefined;
  const templateId = campaign?.steps[0]?.templateId ?? input.templateId ?? null;
  const template = templateForMessage(db, business.organizationId, business, input.channel, templateId);
  const rendered = renderRequestMessage({
    publicUrl,
    request: { code: newPublicCode(), customer: { name: input.customerName } },
    business,
    channel: input.channel,
    template,
    unsubscribeToken: input.channel === 'email' ? randomBase62(24) : null,
  });
  return {
    channel: input.channel,
    templateId: template?.id ?? null,
    subject: rendered.subject,
    text: rendered.text,
    sms: input.channel === 'email' ? null : smsEncoding(rendered.text),
  };
}
