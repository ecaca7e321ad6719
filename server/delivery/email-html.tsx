import { renderToString } from 'preact-render-to-string';

export type EmailBrand = { businessName: string; brandColor: string | null; logoUrl: string | null };

/**
 * One line of the text body. Only the request's own link becomes the button: a URL anywhere else came from
 * substituted text (a customer named `Eve http://evil.example`) and stays text, which Preact escapes.
 */
function Line({ text, link, color }: { text: string; link: string; color: string }) {
  return (
    <p style="margin:0 0 16px;font-size:16px;line-height:1.5">
      {text.split(link).map((part, i) => (
        <>
          {i > 0 ? (
            <a
              href={link}
              style={`display:inline-block;padding:12px 24px;background:${color};color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold`}
            >
              ★★★★★
            </a>
          ) : null}
          {part}
        </>
      ))}
    </p>
  );
}

/** The HTML part of a request email, built from its text part and branded with the business; `link` is its button. */
export function renderEmailHtml(
  text: string,
  brand: EmailBrand,
  links: { link: string; unsubscribeUrl: string },
): string {
  const { link, unsubscribeUrl } = links;
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
              <Line text={line} link={link} color={color} />
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
