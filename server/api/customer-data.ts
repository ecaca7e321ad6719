import { createRoute, z } from '@hono/zod-openapi';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { notFound } from '../http/errors';
import { newRouter } from '../http/router';
import { customerActivity, customerExport, eraseCustomer, findCustomerForData } from '../store/customer-data';
import { getCustomer } from '../store/customers';
import { errorResponses, idParam, jsonResponse, security } from './common-schemas';
import { ACTIVITY_PII, personal, withPiiNote } from './pii';

const tags = ['Customers'];
const params = idParam('Customer', 'cust_3kTz9QwErTyUiOpA');

const activitySchema = z
  .object({
    data: z.array(
      z.object({
        at: z.string(),
        type: z.string().openapi({ example: 'message.sent' }),
        requestId: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi('CustomerActivity');

/** A customer's data rights: activity, export (everything held), erase (hashed suppression kept). */
export function customerDataApi(deps: AppDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/customers/{id}/activity',
      tags,
      security,
      summary: 'Every message, open, click, rating, feedback and review of a customer, oldest first',
      description: withPiiNote(),
      middleware: [requireScope('customers:read')],
      request: { params },
      responses: { 200: jsonResponse(activitySchema, 'Activity'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const customer = getCustomer(deps.db, orgId, c.req.valid('param').id);
      if (!customer) throw notFound('Customer');
      return c.json({ data: personal(c, customerActivity(deps.db, orgId, customer.id), ACTIVITY_PII) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/customers/{id}/export',
      tags,
      security,
      summary: 'Everything held about a customer (JSON)',
      middleware: [requireScope('customers:read'), requireScope('pii:read')],
      request: { params },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), 'Export'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const customer = getCustomer(deps.db, orgId, c.req.valid('param').id);
      if (!customer) throw notFound('Customer');
      c.header('Content-Disposition', `attachment; filename="${customer.id}.json"`);
      return c.json(customerExport(deps.db, orgId, customer.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/customers/{id}/erase',
      tags,
      security,
      summary: 'Erase a customer’s personal data everywhere (also DELETE /customers/{id}?erase=true)',
      middleware: [requireScope('customers:write')],
      request: { params },
      responses: {
        200: jsonResponse(z.object({ id: z.string(), erased: z.literal(true) }), 'Erased'),
        ...errorResponses,
      },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const id = c.req.valid('param').id;
      // A soft-deleted customer can still be erased (their contact is kept until then); erasing twice is harmless.
      if (!findCustomerForData(deps.db, orgId, id)) throw notFound('Customer');
      eraseCustomer(deps.db, deps.clock, orgId, id);
      return c.json({ id, erased: true as const }, 200);
    },
  );

  return app;
}
