import { createRoute, z } from '@hono/zod-openapi';
import { requireScope } from '../http/auth';
import { type AppDeps, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { pageWindow, paginated, paginatedSchema } from '../http/pagination';
import { newRouter } from '../http/router';
import { businessBelongsTo } from '../store/businesses';
import {
  businessIdsOf,
  businessIdsOfMany,
  foreignBusinessIds,
  setCustomerBusinesses,
} from '../store/customer-businesses';
import { eraseCustomer, findCustomerForData } from '../store/customer-data';
import { listCustomers } from '../store/customer-queries';
import {
  type Customer,
  CustomerConflictError,
  CustomerTakenError,
  deleteCustomer,
  getCustomer,
  updateCustomer,
  upsertCustomer,
} from '../store/customers';
import { booleanQuery, errorResponses, idParam, jsonBody, jsonResponse, security } from './common-schemas';
import {
  createCustomerBody,
  customerSchema,
  listCustomersQuery,
  updateCustomerBody,
} from './customer-schemas';
import { organizationPhoneRegion, phoneIn } from './phone-input';
import { CUSTOMER_PII, personal, withPiiNote } from './pii';

const tags = ['Customers'];
const params = idParam('Customer', 'cust_3kTz9QwErTyUiOpA');
export const conflictResponse = { description: 'Conflict', content: errorResponses[400].content };

/** Turns the customer store's uniqueness errors into 409s that say which customers collide. */
export function customerConflict(error: unknown): never {
  if (error instanceof CustomerConflictError) {
    throw new ApiError('CONFLICT', 'The email and the phone belong to two different customers', {
      email: `belongs to customer ${error.byEmail}`,
      phone: `belongs to customer ${error.byPhone}`,
    });
  }
  if (error instanceof CustomerTakenError) {
    throw new ApiError('CONFLICT', error.message, { [error.field]: `belongs to customer ${error.otherId}` });
  }
  throw error;
}

/** 404 unless every id is a business of the organization (a link to another's business reveals nothing). */
export function checkBusinessIds(deps: AppDeps, organizationId: string, ids: string[] | undefined): void {
  if (ids?.length && foreignBusinessIds(deps.db, organizationId, ids).length) throw notFound('Business');
}

/** `/customers`: the people a business invites; unique per organization by email and by phone. */
export function customersApi(deps: AppDeps) {
  const app = newRouter();
  const withLinks = (orgId: string, customer: Customer) => ({
    ...customer,
    businessIds: businessIdsOf(deps.db, orgId, customer.id),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/customers',
      tags,
      security,
      summary: 'List customers',
      description: withPiiNote(),
      middleware: [requireScope('customers:read')],
      request: { query: listCustomersQuery },
      responses: {
        200: jsonResponse(paginatedSchema(customerSchema), 'Customers, newest first'),
        ...errorResponses,
      },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const { page, perPage, ...filter } = c.req.valid('query');
      for (const id of [filter.businessId, filter.linkedBusinessId]) {
        if (id && !businessBelongsTo(deps.db, orgId, id)) throw notFound('Business');
      }
      const { items, total } = listCustomers(deps.db, orgId, filter, pageWindow({ page, perPage }));
      const links = businessIdsOfMany(
        deps.db,
        orgId,
        items.map((item) => item.id),
      );
      const shown = items.map((item) => ({ ...item, businessIds: links.get(item.id) ?? [] }));
      return c.json(paginated(personal(c, shown, CUSTOMER_PII), total, { page, perPage }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/customers',
      tags,
      security,
      summary: 'Create a customer (or update the one with the same email or phone)',
      description: withPiiNote(
        'Email is matched case-insensitively and phone in E.164. A match is updated with the fields given and ' +
          'answered 200; a new customer is 201. A match never lifts an opt-out, and a deleted customer comes back ' +
          'still opted out. An email and a phone that belong to two different customers → 409.',
      ),
      middleware: [requireScope('customers:write')],
      request: { body: jsonBody(createCustomerBody) },
      responses: {
        200: jsonResponse(customerSchema, 'An existing customer, updated'),
        201: jsonResponse(customerSchema, 'Created'),
        409: conflictResponse,
        ...errorResponses,
      },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const { businessIds, ...input } = c.req.valid('json');
      const phone = phoneIn(input.phone, organizationPhoneRegion(deps.db, orgId), 'phone');
      checkBusinessIds(deps, orgId, businessIds);
      try {
        const { customer, created } = deps.db.transaction(() => {
          const done = upsertCustomer(deps.db, deps.clock, orgId, { ...input, phone });
          if (businessIds) setCustomerBusinesses(deps.db, deps.clock, orgId, done.customer.id, businessIds);
          return done;
        })();
        const shown = personal(c, withLinks(orgId, customer), CUSTOMER_PII);
        return created ? c.json(shown, 201) : c.json(shown, 200);
      } catch (error) {
        customerConflict(error);
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/customers/{id}',
      tags,
      security,
      summary: 'Get a customer',
      description: withPiiNote(),
      middleware: [requireScope('customers:read')],
      request: { params },
      responses: { 200: jsonResponse(customerSchema, 'The customer'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const customer = getCustomer(deps.db, orgId, c.req.valid('param').id);
      if (!customer) throw notFound('Customer');
      return c.json(personal(c, withLinks(orgId, customer), CUSTOMER_PII), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/customers/{id}',
      tags,
      security,
      summary: 'Update a customer',
      description: withPiiNote(
        '`tags` and `businessIds` replace the current ones; `optOut: true` records when they opted out, `false` ' +
          'resumes messages.',
      ),
      middleware: [requireScope('customers:write')],
      request: { params, body: jsonBody(updateCustomerBody) },
      responses: { 200: jsonResponse(customerSchema, 'Updated'), 409: conflictResponse, ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const { businessIds, ...input } = c.req.valid('json');
      const phone = phoneIn(input.phone, organizationPhoneRegion(deps.db, orgId), 'phone');
      checkBusinessIds(deps, orgId, businessIds);
      try {
        const customer = deps.db.transaction(() => {
          const updated = updateCustomer(deps.db, deps.clock, orgId, c.req.valid('param').id, {
            ...input,
            phone,
          });
          if (updated && businessIds) {
            setCustomerBusinesses(deps.db, deps.clock, orgId, updated.id, businessIds);
          }
          return updated;
        })();
        if (!customer) throw notFound('Customer');
        return c.json(personal(c, withLinks(orgId, customer), CUSTOMER_PII), 200);
      } catch (error) {
        customerConflict(error);
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/customers/{id}',
      tags,
      security,
      summary: 'Delete a customer',
      description:
        'Soft delete: the customer disappears from the API but stays opted out, so the same email or phone is ' +
        'never invited again (creating them again brings the record back, still opted out). With `?erase=true` ' +
        'their personal data is removed everywhere instead, keeping only a hashed suppression entry.',
      middleware: [requireScope('customers:write')],
      request: {
        params,
        query: z.object({
          erase: booleanQuery.optional().openapi({ description: 'Erase personal data (GDPR)' }),
        }),
      },
      responses: { 204: { description: 'Deleted (or erased)' }, ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const id = c.req.valid('param').id;
      if (c.req.valid('query').erase) {
        if (!findCustomerForData(deps.db, orgId, id)) throw notFound('Customer');
        eraseCustomer(deps.db, deps.clock, orgId, id);
        return c.body(null, 204);
      }
      if (!deleteCustomer(deps.db, deps.clock, orgId, id)) throw notFound('Customer');
      return c.body(null, 204);
    },
  );

  return app;
}
