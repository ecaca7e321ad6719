import { EmailLayout, emailHtml } from './email-layout';

/** An email to a person about their account: a few lines of text and one link to act on. */
export type AccountEmailContent = {
  subject: string;
  heading: string;
  lines: string[];
  action: { label: string; url: string };
  footer: string;
};

function AccountEmail({ content }: { content: AccountEmailContent }) {
  return (
    <EmailLayout
      subject={content.subject}
      heading={content.heading}
      action={content.action}
      footer={
        <>
          <p style="font-size:13px;color:#555;word-break:break-all">{content.action.url}</p>
          <p style="font-size:12px;color:#777;margin-top:32px">{content.footer}</p>
        </>
      }
    >
      {content.lines.map((line) => (
        <p style="margin:0 0 16px;font-size:16px;line-height:1.5">{line}</p>
      ))}
    </EmailLayout>
  );
}

/** The HTML and plain-text parts of an account email; user text is escaped by Preact, never spliced in. */
export function renderAccountEmail(content: AccountEmailContent): {
  subject: string;
  html: string;
  text: string;
} {
  const html = emailHtml(<AccountEmail content={content} />);
  const text = [
    content.heading,
    '',
    ...content.lines,
    '',
    `${content.action.label}: ${content.action.url}`,
    '',
    content.footer,
  ].join('\n');
  return { subject: content.subject, html, text };
}
