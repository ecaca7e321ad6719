import { z } from '@hono/zod-openapi';
import { contrast } from '../../landing/brand';
import { booleanQuery } from './common-schemas';

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
    download: booleanQuery
      .optional()
      .openapi({ description: '`true` answers it as a file to save (Content-Disposition: attachment)' }),
  })
  .refine((q) => contrast(q.dark.slice(0, 7), q.light.slice(0, 7)) >= 3, {
    message: 'dark and light colours need a contrast of at least 3:1 to scan',
    path: ['dark'],
  });
