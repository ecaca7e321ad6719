import { renderToString } from 'preact-render-to-string';

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
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>{content.subject}</title>
      </head>
      <body style="margin:0;padding:24px;background:#f5f5f5;font-family:Arial,Helvetica,sans-serif;color:#222">
        <div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
          <h1 style="font-size:20px;margin:0 0 16px">{content.heading}</h1>
          {content.lines.map((line) => (
            <p style="margin:0 0 16px;font-size:16px;line-height:1.5">{line}</p>
          ))}
          <p style="margin:24px 0">
            <a
              href={content.action.url}
              style="display:inline-block;padding:12px 24px;background:#1a73e8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold"
            >
              {content.action.label}
            </a>
          </p>
          <p style="font-size:13px;color:#555;word-break:break-all">{content.action.url}</p>
          <p style="font-size:12px;color:#777;margin-top:32px">{content.footer}</p>
        </div>
      </body>
    </html>
  );
}

/** The HTML and plain-text parts of an account email; user text is escaped by Preact, never spliced in. */
export function renderAccountEmail(content: AccountEmailContent): {
  subject: string;
  html: string;
  text: string;
} {
  const html = `<!doctype html>${renderToString(<AccountEmail content={content} />)}`;
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
