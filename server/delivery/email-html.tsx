import { renderToString } from 'preact-render-to-string';

export type EmailBrand = { businessName: string; brandColor: string | null; logoUrl: string | null };

const URL_PATTERN = /(https?:\/\/\S+)/;

/** One line of the text body; a link becomes a button (text stays text: Preact escapes it). */
function Line({ text, color }: { text: string; color: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <p style="margin:0 0 16px;font-size:16px;line-height:1.5">
      {parts.map((part) =>
        URL_PATTERN.test(part) ? (
          <a
            href={part}
            style={`display:inline-block;padding:12px 24px;background:${color};color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold`}
          >
            {part.includes('/r/') ? '★★★★★' : part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}

/** The HTML part of a request email, built from its text part and branded with the business. */
export function renderEmailHtml(text: string, brand: EmailBrand, unsubscribeUrl: string): string {
  const color = brand.brandColor ?? '#1a73e8';
  const body = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
      </head>
      <body style="margin:0;padding:24px;background:#f5f5f5;font-family:Arial,Helvetica,sans-serif;color:#222">
        <div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
          {brand.logoUrl ? (
            <img src={brand.logoUrl} alt={brand.businessName} style="max-height:48px" />
          ) : null}
          <h1 style={`font-size:20px;color:${color}`}>{brand.businessName}</h1>
          {text
            .split('\n')
            .filter((line) => line.trim())
            .map((line) => (
              <Line text={line} color={color} />
            ))}
          <p style="font-size:12px;color:#777;margin-top:32px">
            <a href={unsubscribeUrl} style="color:#777">
              Unsubscribe
            </a>
          </p>
        </div>
      </body>
    </html>
  );
  return `<!doctype html>${renderToString(body)}`;
}
