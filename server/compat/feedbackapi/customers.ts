import { type Context, Hono } from 'hono';
import { emailField, phoneField } from '../../api/customer-schemas';
import { customerConflict } from '../../api/customers';
import { organizationPhoneRegion, phoneIn } from '../../api/phone-input';
import { CUSTOMER_PII, personal } from '../../api/pii';
import { phoneRegion } from '../../domain/phone';
import type { AppDeps } from '../../http/context';
import { getBusiness } from '../../store/businesses';
import {
  businessIdsOfMany,
  changeCustomerBusinesses,
  foreignBusinessIds,
} from '../../store/customer-businesses';
import { lastMessageTimes } from '../../store/customer-message-times';
import { listCustomers } from '../../store/customer-queries';
import {
  type Customer,
  type CustomerInput,
  deleteCustomer,
  getCustomer,
  updateCustomer,
  upsertCustomer,
} from '../../store/customers';
import { type FapiEnv, needScope, orgOf } from './auth';
import { badParam, notFoundError, unsupported } from './errors';
import {
  bodyParams,
  bool,
  idList,
  LIST_PARAMS,
  listBody,
  listWindow,
  onlyKnown,
  type Params,
  queryParams,
  requiredText,
  text,
  time,
} from './input';
import { presentCustomer, splitName } from './presenters';

const CREATE = ['email', 'mobile_number', 'fname', 'sname', 'country_code', 'location', 'opt_out'];
const UPDATE = [
  'email',
  'mobile_number',
  'fname',
  'sname',
  'country_code',
  'opt_out',
  'location_add',
  'location_remove',
];
const FILTERS = [
  ...LIST_PARAMS,
  'created_before',
  'created_after',
  'email',
  'mobile_number',
  'fname',
  'sname',
  'country_code',
  'invalid',
  'opt_out',
  'location',
];

/** An email checked and lowercased as the native API does. */
function emailIn(params: Params, name: string): string | null | undefined {
  const value = text(params, name, 254);
  if (value == null) return value;
  const parsed = emailField.safeParse(value);
  if (!parsed.success) throw badParam(name, `${name} must be an email address`);
  return parsed.data;
}

/** A mobile number in E.164 (or national in `country_code`'s country, else the location's). */
function mobileIn(params: Params, region: string): string | null | undefined {
  const value = text(params, 'mobile_number', 40);
  if (value == null) return value;
  if (!phoneField.safeParse(value).success)
    throw badParam('mobile_number', 'mobile_number must be a phone number in E.164 format');
  return phoneIn(value, region, 'mobile_number');
}

function countryIn(params: Params): string | undefined {
  const value = text(params, 'country_code', 2);
  if (value == null) return undefined;
  if (!/^[A-Za-z]{2}$/.test(value))
    throw badParam('country_code', 'country_code must be a 2 letter ISO code');
  return value.toUpperCase();
}

/** `/customers`: Plaudit customers, with their location (business) links. */
export function customerRoutes(deps: AppDeps) {
  const app = new Hono<FapiEnv>();

  const present = (orgId: string, customers: Customer[]) => {
    const ids = customers.map((customer) => customer.id);
    const links = businessIdsOfMany(deps.db, orgId, ids);
    const times = lastMessageTimes(deps.db, orgId, ids);
    return customers.map((customer) =>
      presentCustomer(
        customer,
        links.get(customer.id) ?? [],
        times.get(customer.id) ?? { sms: null, email: null },
      ),
    );
  };
  const one = (c: Parameters<typeof orgOf>[0], orgId: string, customer: Customer) =>
    present(orgId, [personal(c as never, customer, CUSTOMER_PII)])[0];

  const checkLocations = (orgId: string, ids: string[], param: string) => {
    if (foreignBusinessIds(deps.db, orgId, ids).length) throw notFoundError('location', param);
  };

  // The reference's pagination and auth examples call the list by its older names, /subscribers and /subscriber.
  app.get('/subscribers', needScope('customers:read'), (c) => listAll(c));
  app.get('/subscriber', needScope('customers:read'), (c) => listAll(c));
  app.get('/subscriber', needScope('customers:read'), (c) => listAll(c));
  app.get('/customers', needScope('customers:read'), (c) => listAll(c));

  function listAll(c: Context<FapiEnv>) {
    const orgId = orgOf(c);
    const params = queryParams(c);
    onlyKnown(params, FILTERS);
    if (params.country_code !== undefined) {
      throw unsupported(
        'country_code',
        'Plaudit stores no country per customer (country_code is read from the mobile number); filter by mobile_number instead',
      );
    }
    const window = listWindow(params, ['created'], 'created-desc');
    const location = text(params, 'location', 64) ?? undefined;
    if (location) checkLocations(orgId, [location], 'location');
    const { items, total } = listCustomers(
      deps.db,
      orgId,
      {
        linkedBusinessId: location,
        email: emailIn(params, 'email') ?? undefined,
        phone: mobileIn(params, organizationPhoneRegion(deps.db, orgId)) ?? undefined,
        firstName: text(params, 'fname') ?? undefined,
        lastName: text(params, 'sname') ?? undefined,
        invalid: bool(params, 'invalid'),
        optOut: bool(params, 'opt_out'),
        createdFrom: time(params, 'created_after'),
        createdBefore: time(params, 'created_before'),
        oldestFirst: window.ascending,
      },
      window,
    );
    return c.json(listBody(present(orgId, personal(c as never, items, CUSTOMER_PII)), total, window));
  }

  app.post('/customers', needScope('customers:write'), async (c) => {
    const orgId = orgOf(c);
    const params = await bodyParams(c);
    onlyKnown(params, CREATE);
    const location = requiredText(params, 'location', 64);
    const business = getBusiness(deps.db, orgId, location);
    if (!business) throw notFoundError('location', 'location');
    const region = countryIn(params) ?? phoneRegion(business);
    const input: CustomerInput = {
      email: emailIn(params, 'email'),
      phone: mobileIn(params, region),
      optOut: bool(params, 'opt_out'),
    };
    if (!input.email && !input.phone)
      throw badParam('email', 'Missing required param: email or mobile_number');
    const fname = text(params, 'fname');
    const sname = text(params, 'sname');
    if (fname || sname) input.name = [fname, sname].filter(Boolean).join(' ');
    try {
      const customer = deps.db.transaction(() => {
        const { customer: saved } = upsertCustomer(deps.db, deps.clock, orgId, input);
        changeCustomerBusinesses(deps.db, deps.clock, orgId, saved.id, { add: [business.id] });
        return saved;
      })();
      return c.json(one(c, orgId, customer));
    } catch (error) {
      customerConflict(error);
    }
  });

  app.get('/customers/:id', needScope('customers:read'), (c) => {
    const orgId = orgOf(c);
    const customer = getCustomer(deps.db, orgId, c.req.param('id'));
    if (!customer) throw notFoundError('customer');
    return c.json(one(c, orgId, customer));
  });

  app.post('/customers/:id', needScope('customers:write'), async (c) => {
    const orgId = orgOf(c);
    const current = getCustomer(deps.db, orgId, c.req.param('id'));
    if (!current) throw notFoundError('customer');
    const params = await bodyParams(c);
    onlyKnown(params, UPDATE);
    const add = idList(params, 'location_add') ?? [];
    const remove = idList(params, 'location_remove') ?? [];
    checkLocations(orgId, add, 'location_add');
    checkLocations(orgId, remove, 'location_remove');
    const region = countryIn(params) ?? organizationPhoneRegion(deps.db, orgId);
    const input: CustomerInput = {
      email: emailIn(params, 'email'),
      phone: mobileIn(params, region),
      optOut: bool(params, 'opt_out'),
    };
    if (params.fname !== undefined || params.sname !== undefined) {
      const was = splitName(current.name);
      const fname = params.fname !== undefined ? text(params, 'fname') : was.fname;
      const sname = params.sname !== undefined ? text(params, 'sname') : was.sname;
      input.name = [fname, sname].filter(Boolean).join(' ') || null;
    }
    try {
      const customer = deps.db.transaction(() => {
        const saved = updateCustomer(deps.db, deps.clock, orgId, current.id, input);
        changeCustomerBusinesses(deps.db, deps.clock, orgId, current.id, { add, remove });
        return saved;
      })();
      if (!customer) throw notFoundError('customer');
      return c.json(one(c, orgId, customer));
    } catch (error) {
      customerConflict(error);
    }
  });

  app.delete('/customers/:id', needScope('customers:write'), (c) => {
    const id = c.req.param('id');
    if (!deleteCustomer(deps.db, deps.clock, orgOf(c), id)) throw notFoundError('customer');
    return c.json({ id, deleted: true });
  });

  return app;
}
