import { createRoute, z } from '@hono/zod-openapi';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema, paginationQuery } from '../http/pagination';
import { newRouter } from '../http/router';
import { cardSheetCsp, renderCardSheet } from '../render/card-sheet';
import { newNonce } from '../render/nonce';
import { qrDataUrl } from '../render/qr';
import { getBusiness } from '../store/businesses';
import { cardTotals, staffTotals } from '../store/card-totals';
import { type Card, cardStats, createCards, getCard, getCards, listCards, updateCard } from '../store/cards';
import {
  cardSchema,
  cardStatsQuery,
  cardStatsSchema,
  cardWithStatsSchema,
  createCardsBody,
  listCardsQuery,
  sheetQuery,
  updateCardBody,
} from './card-schemas';
import { errorResponses, idParam, jsonBody, jsonResponse, security } from './common-schemas';

const tags = ['Cards'];
const params = idParam('Card', 'card_3kTz9QwErTyUiOpA');

/** `/cards`: NFC/QR cards that open `/t/:code`; each answers the URL to write onto its tag. */
export function cardsApi(deps: AppDeps) {
  const app = newRouter();
  const present = (card: Card) => {
    const { organizationId: _org, ...rest } = card;
    return { ...rest, url: `${deps.config.publicUrl}/t/${card.code}` };
  };
  const businessOf = (orgId: string, id: string) => {
    const business = getBusiness(deps.db, orgId, id);
    if (!business) throw notFound('Business');
    return business;
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/cards',
      tags,
      security,
      summary: 'Create one card or a batch',
      middleware: [requireScope('cards:write')],
      request: { body: jsonBody(createCardsBody) },
      responses: {
        201: jsonResponse(z.object({ data: z.array(cardSchema) }), 'The new cards'),
        ...errorResponses,
      },
    }),
    (c) => {
      const body = c.req.valid('json');
      const orgId = orgIdOf(c);
      businessOf(orgId, body.businessId);
      const cards = createCards(deps.db, deps.clock, orgId, body);
      return c.json({ data: cards.map(present) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cards',
      tags,
      security,
      summary: 'List cards',
      middleware: [requireScope('cards:read')],
      request: { query: paginationQuery.extend(listCardsQuery.shape) },
      responses: { 200: jsonResponse(paginatedSchema(cardSchema), 'Cards'), ...errorResponses },
    }),
    (c) => {
      const query = c.req.valid('query');
      const { items, total } = listCards(deps.db, orgIdOf(c), query, pageWindow(query));
      return c.json(paginated(items.map(present), total, query), 200);
    },
  );

  // Registered before `/cards/{id}` so "stats" and "sheet" are not taken for ids.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/cards/stats',
      tags,
      security,
      summary: 'Lifetime taps, ratings and completions per card or per staff member',
      middleware: [requireScope('cards:read')],
      request: { query: cardStatsQuery },
      responses: { 200: jsonResponse(cardStatsSchema, 'Figures'), ...errorResponses },
    }),
    (c) => {
      const query = c.req.valid('query');
      const orgId = orgIdOf(c);
      if (query.businessId) businessOf(orgId, query.businessId);
      const data =
        query.groupBy === 'staff'
          ? staffTotals(deps.db, orgId, query.businessId).map((s) => ({
              ...s,
              cardId: null,
              label: null,
              active: null,
            }))
          : cardTotals(deps.db, orgId, query.businessId).map((t) => ({ ...t, cards: 1 }));
      return c.json({ groupBy: query.groupBy, data }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cards/sheet',
      tags,
      security,
      summary: 'Printable sheet of card QR codes (HTML with @page rules)',
      middleware: [requireScope('cards:read')],
      request: { query: sheetQuery },
      responses: {
        200: { description: 'An HTML page to print', content: { 'text/html': { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const orgId = orgIdOf(c);
      if (query.businessId) businessOf(orgId, query.businessId);
      const cards = query.ids?.length
        ? getCards(deps.db, orgId, query.ids.slice(0, 500))
        : listCards(deps.db, orgId, { businessId: query.businessId, active: true }, { limit: 500, offset: 0 })
            .items;
      const qr = { size: 256, margin: 2, dark: '#000000', light: '#ffffff' };
      const sheetCards = await Promise.all(
        cards.map(async (card) => {
          const url = present(card).url;
          return { label: card.label, staffMember: card.staffMember, url, qr: await qrDataUrl(url, qr) };
        }),
      );
      const nonce = newNonce();
      c.header('Content-Security-Policy', cardSheetCsp(nonce));
      c.header('Cache-Control', 'no-store');
      return c.html(
        renderCardSheet({
          title: `Plaudit cards (${cards.length})`,
          cards: sheetCards,
          columns: query.columns,
          nonce,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cards/{id}',
      tags,
      security,
      summary: 'Get a card with its taps, ratings and completions',
      middleware: [requireScope('cards:read')],
      request: { params },
      responses: { 200: jsonResponse(cardWithStatsSchema, 'The card'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const card = getCard(deps.db, orgId, c.req.valid('param').id);
      if (!card) throw notFound('Card');
      return c.json({ ...present(card), stats: cardStats(deps.db, orgId, card.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/cards/{id}',
      tags,
      security,
      summary: 'Relabel, reassign (business, staff member) or reactivate a card',
      middleware: [requireScope('cards:write')],
      request: { params, body: jsonBody(updateCardBody) },
      responses: { 200: jsonResponse(cardSchema, 'The card'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const patch = c.req.valid('json');
      if (!getCard(deps.db, orgId, c.req.valid('param').id)) throw notFound('Card');
      if (patch.businessId) businessOf(orgId, patch.businessId);
      const card = updateCard(deps.db, deps.clock, orgId, c.req.valid('param').id, patch)!;
      return c.json(present(card), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/cards/{id}',
      tags,
      security,
      summary: 'Deactivate a card',
      description:
        'The card keeps its history; tapping it shows a "no longer active" page linking to the business.',
      middleware: [requireScope('cards:write')],
      request: { params },
      responses: { 200: jsonResponse(cardSchema, 'The deactivated card'), ...errorResponses },
    }),
    (c) => {
      const card = updateCard(deps.db, deps.clock, orgIdOf(c), c.req.valid('param').id, { active: false });
      if (!card) throw notFound('Card');
      return c.json(present(card), 200);
    },
  );

  return app;
}
