import { z } from '@hono/zod-openapi';
import QRCode from 'qrcode';
import { contrast } from '../../landing/brand';

export type QrOptions = { size: number; margin: number; dark: string; light: string };

const hexColor = (fallback: string) =>
  z
    .string()
    .regex(/^#?(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'must be a hex colour such as 000000 or #1d4ed8')
    .default(fallback)
    .transform((value) => (value.startsWith('#') ? value : `#${value}`).toLowerCase());

/** `?size=&margin=&dark=&light=` for every QR route; low-contrast pairs are refused because scanners fail on them. */
export const qrQuery = z
  .object({
    size: z.coerce
      .number()
      .int()
      .min(64)
      .max(2048)
      .default(512)
      .openapi({ description: 'Width in pixels (PNG) or user units (SVG)' }),
    margin: z.coerce
      .number()
      .int()
      .min(0)
      .max(16)
      .default(2)
      .openapi({ description: 'Quiet zone, in modules' }),
    dark: hexColor('#000000').openapi({ example: '000000' }),
    light: hexColor('#ffffff').openapi({ example: 'ffffff' }),
  })
  .refine((q) => contrast(q.dark.slice(0, 7), q.light.slice(0, 7)) >= 3, {
    message: 'dark and light colours need a contrast of at least 3:1 to scan',
    path: ['dark'],
  });

const base = (options: QrOptions) => ({
  errorCorrectionLevel: 'M' as const,
  margin: options.margin,
  width: options.size,
  color: { dark: options.dark, light: options.light },
});

/** The QR code of `text` as an SVG document. */
export function qrSvg(text: string, options: QrOptions): Promise<string> {
  return QRCode.toString(text, { ...base(options), type: 'svg' });
}

/** The QR code of `text` as a PNG image. */
export function qrPng(text: string, options: QrOptions): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...base(options), type: 'png' });
}

/** An SVG QR code as a `data:` URL, for an `<img>` on the printable sheet. */
export async function qrDataUrl(text: string, options: QrOptions): Promise<string> {
  return `data:image/svg+xml;base64,${Buffer.from(await qrSvg(text, options)).toString('base64')}`;
}
