import { EmailLayout, emailHtml } from './email-layout';

/** An alert or digest to a member: a few labelled facts, the customer's words, one link, and unsubscribe. */
export type AlertEmailContent = {
  subject: string;
  heading: string;
  facts: Array<[label: string, value: string]>;
  /** The customer's own text (review or feedback), shown as text, line breaks kept. */
  quote: string | null;
  action: { label: string; url: string };
  /** What the unsubscribe link stops ("emails about new private feedback"). */
  unsubscribe: { what: string; url: string };
};

function AlertEmail({ content }: { content: AlertEmailContent }) {
  return (
    <EmailLayout
      subject={content.subject}
      heading={content.heading}
      action={content.action}
      footer={
        <p style="font-size:12px;color:#777;margin-top:32px">
          You receive this because of your Plaudit notification settings.{' '}
          <a href={content.unsubscribe.url} style="color:#777">
            Unsubscribe
          </a>{' '}
          from {content.unsubscribe.what}.
        </p>
      }
    >
      <table role="presentation" style="border-collapse:collapse;margin:0 0 16px;font-size:15px">
        {content.facts.map(([label, value]) => (
          <tr>
            <th style="text-align:left;padding:4px 16px 4px 0;color:#555;font-weight:normal">{label}</th>
            <td style="padding:4px 0">{value}</td>
          </tr>
        ))}
      </table>
      {content.quote ? (
        <blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #ddd;background:#fafafa;white-space:pre-wrap;font-size:15px;line-height:1.5">
          {content.quote}
        </blockquote>
      ) : null}
    </EmailLayout>
  );
}

/** The HTML and text parts of an alert; customer text is escaped by Preact, never spliced into markup. */
export function renderAlertEmail(content: AlertEmailContent) {
  const html = emailHtml(<AlertEmail content={content} />);
  const text = [
    content.heading,
    '',
    ...content.facts.map(([label, value]) => `${label}: ${value}`),
    ...(content.quote ? ['', content.quote] : []),
    '',
    `${content.action.label}: ${content.action.url}`,
    '',
    `Unsubscribe from ${content.unsubscribe.what}: ${content.unsubscribe.url}`,
  ].join('\n');
  return { subject: content.subject, html, text, unsubscribeUrl: content.unsubscribe.url };
}
