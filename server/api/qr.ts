import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireScope } from '../http/auth';
import { type AppDeps, type AppEnv, orgIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { newRouter } from '../http/router';
import { type QrOptions, qrPng, qrSvg } from '../render/qr';
import { getBusiness } from '../store/businesses';
import { getCard } from '../store/cards';
import { errorResponses, idParam, security } from './common-schemas';
import { qrQuery } from './qr-schemas';

const images = {
  200: {
    description: 'The QR code',
    content: {
      'image/svg+xml': { schema: z.string() },
      'image/png': { schema: z.string().openapi({ format: 'binary' }) },
    },
  },
  ...errorResponses,
};

/** QR codes of a card's `/t/:code` and of a business's `/b/:slug`, as SVG or PNG. */
export function qrApi(deps: AppDeps) {
  const app = newRouter();

  const targets = [
    {
      resource: 'cards',
      scope: 'cards:read',
      tag: 'Cards',
      params: idParam('Card', 'card_3kTz9QwErTyUiOpA'),
      url: (orgId: string, id: string) => {
        const card = getCard(deps.db, orgId, id);
        if (!card) throw notFound('Card');
        return `${deps.config.publicUrl}/t/${card.code}`;
      },
    },
    {
      resource: 'businesses',
      scope: 'businesses:read',
      tag: 'Businesses',
      params: idParam('Business', 'biz_3kTz9QwErTyUiOpA'),
      url: (orgId: string, id: string) => {
        const business = getBusiness(deps.db, orgId, id);
        if (!business) throw notFound('Business');
        return `${deps.config.publicUrl}/b/${business.slug}`;
      },
    },
  ] as const;

  for (const target of targets) {
    for (const format of ['svg', 'png'] as const) {
      app.openapi(
        createRoute({
          method: 'get',
          path: `/${target.resource}/{id}/qr.${format}`,
          tags: [target.tag],
          security,
          summary: `QR code (${format.toUpperCase()}) of the ${target.resource === 'cards' ? 'card' : 'business'} link`,
          middleware: [requireScope(target.scope)],
          request: { params: target.params, query: qrQuery },
          responses: images,
        }),
        async (c) => {
          const id = c.req.valid('param').id;
          const url = target.url(orgIdOf(c), id);
          const { download, ...options } = c.req.valid('query');
          // The dashboard links here with a plain <a download>: the name it saves under comes from us.
          if (download) c.header('Content-Disposition', `attachment; filename="qr-${id}.${format}"`);
          return sendQr(c, format, url, options);
        },
      );
    }
  }
  return app;
}

async function sendQr(
  c: Context<AppEnv>,
  format: 'svg' | 'png',
  url: string,
  options: QrOptions,
): Promise<Response> {
  c.header('Cache-Control', 'private, max-age=3600');
  if (format === 'svg') {
    c.header('Content-Type', 'image/svg+xml');
    return c.body(await qrSvg(url, options), 200);
  }
  c.header('Content-Type', 'image/png');
  return c.body(new Uint8Array(await qrPng(url, options)), 200);
}
