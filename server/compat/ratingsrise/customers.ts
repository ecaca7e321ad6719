import { z } from '@hono/zod-openapi';
import type { Context, Hono } from 'hono';
import { customerNameField, customerTagsField, emailField, phoneField } from '../../api/customer-schemas';
import { customerConflict } from '../../api/customers';
import { organizationPhoneRegion, phoneIn } from '../../api/phone-input';
import { CUSTOMER_PII, personal } from '../../api/pii';
import type { AppDeps, AppEnv } from '../../http/context';
import { orgIdOf } from '../../http/context';
import { pageWindow, paginated } from '../../http/pagination';
import { businessBelongsTo } from '../../store/businesses';
import { customerActivity } from '../../store/customer-activity';
import { businessIdsOfMany, changeCustomerBusinesses } from '../../store/customer-businesses';
import { listCustomers } from '../../store/customer-queries';
import { type Customer, updateCustomer, upsertCustomer } from '../../store/customers';
import { requireScopes } from './auth';
import { jsonBodyOf, notFound, parseInput, RatingsRiseError } from './errors';
import { idString, noQuery, pageQuery } from './inputs';
import { presentCustomer } from './presenters';

const listQuery = pageQuery
  .extend({
    businessId: idString.optional(),
    search: z.string().max(200).optional(),
    tags: z
      .string()
      .max(1000)
      .transform((value) =>
        value
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      )
      .optional(),
  })
  .strict();

const fields = {
  name: customerNameField,
  email: emailField.nullable().optional(),
  phone: phoneField.nullable().optional(),
  tags: customerTagsField.optional(),
  notes: z.string().max(2000).nullable().optional(),
};

// `businessId` is not among RatingsRise's create fields, but its customers have one: naming it links the customer.
const createBody = z.object({ ...fields, businessId: idString.optional() }).strict();
const updateBody = z
  .object({ ...fields, name: fields.name.optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one field to change' });

/** `/customers`: list, create, update; each with the request activity RatingsRise shows beside the contact. */
export function registerCustomers(app: Hono<AppEnv>, deps: AppDeps) {
  const present = (c: Context<AppEnv>, customers: Customer[]) => {
    const ids = customers.map((customer) => customer.id);
    const activity = customerActivity(deps.db, orgIdOf(c), ids);
    const links = businessIdsOfMany(deps.db, orgIdOf(c), ids);
    return personal(c, customers, CUSTOMER_PII).map((customer) =>
      presentCustomer(customer, activity.get(customer.id), links.get(customer.id) ?? []),
    );
  };

  app.get('/customers', requireScopes('customers:read'), (c) => {
    const { page, perPage, ...filter } = parseInput(listQuery, c.req.query());
    const orgId = orgIdOf(c);
    if (filter.businessId && !businessBelongsTo(deps.db, orgId, filter.businessId))
      throw notFound('business');
    const { businessId, ...rest } = filter;
    // The customers a RatingsRise list shows under the business: linked to it, or invited or reviewed there.
    const { items, total } = listCustomers(
      deps.db,
      orgId,
      { ...rest, relatedBusinessId: businessId },
      pageWindow({ page, perPage }),
    );
    return c.json(paginated(present(c, items), total, { page, perPage }), 200);
  });

  app.post('/customers', requireScopes('customers:write'), async (c) => {
    parseInput(noQuery, c.req.query());
    const { businessId, ...input } = parseInput(createBody, await jsonBodyOf(c));
    // Plaudit finds customers again (and honours their opt-out) by email or phone: a name alone cannot do that.
    if (!input.email && !input.phone) {
      throw new RatingsRiseError(
        'VALIDATION_ERROR',
        'Plaudit identifies customers by email or phone: give at least one of them',
        { email: 'Required when phone is absent', phone: 'Required when email is absent' },
      );
    }
    const orgId = orgIdOf(c);
    if (businessId && !businessBelongsTo(deps.db, orgId, businessId)) throw notFound('business');
    const phone = phoneIn(input.phone, organizationPhoneRegion(deps.db, orgId), 'phone');
    try {
      const { customer, created } = deps.db.transaction(() => {
        const done = upsertCustomer(deps.db, deps.clock, orgId, { ...input, phone });
        // Adds the link (a customer found again keeps the businesses it already belongs to).
        if (businessId) {
          changeCustomerBusinesses(deps.db, deps.clock, orgId, done.customer.id, { add: [businessId] });
        }
        return done;
      })();
      return c.json(present(c, [customer])[0], created ? 201 : 200);
    } catch (error) {
      customerConflict(error);
    }
  });

  app.put('/customers/:id', requireScopes('customers:write'), async (c) => {
    parseInput(noQuery, c.req.query());
    const input = parseInput(updateBody, await jsonBodyOf(c));
    const orgId = orgIdOf(c);
    const phone = phoneIn(input.phone, organizationPhoneRegion(deps.db, orgId), 'phone');
    try {
      const customer = updateCustomer(deps.db, deps.clock, orgId, c.req.param('id'), { ...input, phone });
      if (!customer) throw notFound('customer');
      return c.json(present(c, [customer])[0], 200);
    } catch (error) {
      if (error instanceof RatingsRiseError) throw error;
      customerConflict(error);
    }
  });
}
