import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../http/context';
import { firstBusinessOf, getBusiness } from '../../store/businesses';
import { type CardBatch, getCardBatch, listCardBatches } from '../../store/card-batches';
import { createCards, updateCard } from '../../store/cards';
import { teamOf } from '../../store/memberships';
import { organizationIdOfRowNumber, rowNumberOf } from '../../store/row-numbers';
import type { EmrEnv } from './auth';
import { EmrError, invalidField } from './errors';
import { bodyOf, intField, pageOf, parse, requireFields, textField } from './input';
import { businessOfNumber } from './lookups';
import { paginatedEnvelope, windowOf } from './pagination';

const orderBody = z.object({
  customer: intField(1),
  organization_id: intField(1).optional(),
  quantity: intField(1, 500).optional(),
  product_name: textField(90).min(1).optional(),
});

const PRODUCT = 'NFC review card';

/**
 * `/orders`: an order is a batch of Plaudit cards (made together for one business), so its `nfc_urls` are real
 * `/t/:code` links and its cards print from the card sheet. Plaudit sells and ships nothing: totals are 0 and
 * an order is `completed` as soon as its cards exist (`cancelled` once its cards are deactivated).
 */
export function agencyOrdersRoutes(deps: AppDeps) {
  const app = new Hono<EmrEnv>();
  const { publicUrl } = deps.config;

  const present = (batch: CardBatch) => {
    const business = getBusiness(deps.db, batch.organizationId, batch.businessId);
    const owner = teamOf(deps.db, batch.organizationId).find((member) => member.role === 'owner');
    return {
      id: `batch-${batch.n}`,
      order_number: `PLD-${batch.n}`,
      email: owner?.email ?? null,
      total: 0,
      currency: 'usd',
      status: batch.activeCount === 0 ? 'cancelled' : 'completed',
      shipping: {
        name: business?.name ?? null,
        address: business?.address ?? null,
        city: null,
        country: business?.country ?? null,
        tracking_url: null,
      },
      items: [
        {
          product_name: PRODUCT,
          quantity: batch.codes.length,
          unit_price: 0,
          nfc_urls: batch.codes.map((code) => `${publicUrl}/t/${code}`),
        },
      ],
      customer_id: rowNumberOf(deps.db, 'organizations', batch.organizationId) ?? 0,
      sheet_url: `${publicUrl}/api/v1/cards/sheet?ids=${batch.cardIds.join(',')}`,
    };
  };
  const batchOf = (value: string | undefined) => {
    const n = /^batch-(\d{1,15})$/.exec(value ?? '')?.[1];
    const batch = n ? getCardBatch(deps.db, Number(n)) : undefined;
    if (!batch) throw new EmrError(404, 'Order not found.');
    return batch;
  };

  app.get('/orders', (c) => {
    const page = pageOf(c);
    const { items, total } = listCardBatches(deps.db, windowOf(page));
    return c.json(paginatedEnvelope(c, publicUrl, items.map(present), total, page), 200);
  });

  app.get('/orders/:order', (c) => c.json({ data: present(batchOf(c.req.param('order'))) }, 200));

  // Not in the product's API (its customers order in its shop): how an agency makes cards for a client here.
  app.post('/orders', async (c) => {
    const body = await bodyOf(c);
    requireFields(body, ['customer']);
    const input = parse(orderBody, body);
    const orgId = organizationIdOfRowNumber(deps.db, input.customer);
    if (!orgId) throw invalidField('customer', 'The selected customer is invalid.');
    const business =
      input.organization_id === undefined
        ? firstBusinessOf(deps.db, orgId)
        : businessOfNumber(deps, orgId, input.organization_id);
    if (!business || business.archivedAt) {
      throw invalidField(
        'organization_id',
        'The selected organization id is invalid (an active business of the customer).',
      );
    }
    const cards = createCards(deps.db, deps.clock, orgId, {
      businessId: business.id,
      count: input.quantity ?? 1,
      labelPrefix: input.product_name ?? PRODUCT,
    });
    const n = rowNumberOf(deps.db, 'cards', cards[0]!.id)!;
    return c.json({ data: present(getCardBatch(deps.db, n)!) }, 201);
  });

  app.put('/orders/:order/ship', (c) => {
    batchOf(c.req.param('order'));
    throw new EmrError(
      422,
      'Plaudit does not ship cards: print them from the order’s sheet_url (GET /api/v1/cards/sheet) and write each nfc_url to an NFC tag.',
    );
  });

  app.put('/orders/:order/complete', (c) => {
    const batch = batchOf(c.req.param('order'));
    if (batch.activeCount === 0)
      throw new EmrError(422, 'This order was cancelled: its cards are deactivated.');
    return c.json({ message: 'Order is completed: Plaudit cards work as soon as they are made.' }, 200);
  });

  app.put('/orders/:order/cancel', (c) => {
    const batch = batchOf(c.req.param('order'));
    deps.db.transaction(() => {
      for (const id of batch.cardIds)
        updateCard(deps.db, deps.clock, batch.organizationId, id, { active: false });
    })();
    return c.json({ message: 'Order has been cancelled: its cards no longer open the review page.' }, 200);
  });

  return app;
}
