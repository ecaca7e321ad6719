import { renderToString } from 'preact-render-to-string';

/**
 * The frame every email to a person shares (account emails, alerts, digests): a centred card with the
 * heading, the body, one action button, then the small print.
 */
export function EmailLayout({
  subject,
  heading,
  action,
  footer,
  children,
}: {
  subject: string;
  heading: string;
  action: { label: string; url: string };
  footer: preact.ComponentChildren;
  children: preact.ComponentChildren;
}) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>{subject}</title>
      </head>
      <body style="margin:0;padding:24px;background:#f5f5f5;font-family:Arial,Helvetica,sans-serif;color:#222">
        <div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
          <h1 style="font-size:20px;margin:0 0 16px">{heading}</h1>
          {children}
          <p style="margin:24px 0">
            <a
              href={action.url}
              style="display:inline-block;padding:12px 24px;background:#1a73e8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold"
            >
              {action.label}
            </a>
          </p>
          {footer}
        </div>
      </body>
    </html>
  );
}

/** An email's HTML part as a document; user text inside is escaped by Preact. */
export const emailHtml = (email: preact.VNode) => `<!doctype html>${renderToString(email)}`;
