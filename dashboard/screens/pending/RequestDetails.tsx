import { businessName } from '../../state/business';

const CHANNEL: Record<string, string> = { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp' };
const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** What message the request would send; the API keeps no rendering of it before it exists. */
function messageOf(payload: Record<string, unknown>): string {
  if (payload.suppressMessage === true) return 'None: only the review link is created, nothing is sent.';
  if (text(payload.campaignId))
    return `The first message of campaign ${payload.campaignId}, then its reminders.`;
  return 'The business’s default review-request message for this channel.';
}

/** A proposed review request: business, channel, the customer as the API shows it, when, which message. */
export function RequestDetails({
  payload,
  targetId,
}: {
  payload: Record<string, unknown>;
  targetId: string;
}) {
  const when = text(payload.sendAt)
    ? `At ${new Date(String(payload.sendAt)).toLocaleString()}`
    : typeof payload.delayHours === 'number'
      ? `${payload.delayHours} hours after approval`
      : 'As soon as it is approved (within the send window)';
  const rows: Array<[string, string]> = [
    ['Business', businessName(text(payload.businessId) ?? targetId)],
    ['Channel', CHANNEL[String(payload.method)] ?? String(payload.method)],
    ['Customer', text(payload.customerName) ?? '(no name)'],
    ['Email', text(payload.customerEmail) ?? '—'],
    ['Phone', text(payload.customerPhone) ?? '—'],
    ['When', when],
    ['Message', messageOf(payload)],
  ];
  return (
    <dl class="pending-body pending-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
