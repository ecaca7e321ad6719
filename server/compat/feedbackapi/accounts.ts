import { Hono, type MiddlewareHandler } from 'hono';
import type { AppDeps } from '../../http/context';
import { accountCounts } from '../../store/account-counts';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  type Organization,
  updateOrganization,
} from '../../store/organizations';
import type { FapiEnv } from './auth';
import { badParam, FapiError, notFoundError, unsupported } from './errors';
import {
  bodyParams,
  bool,
  LIST_PARAMS,
  listBody,
  listWindow,
  onlyKnown,
  type Params,
  queryParams,
  requiredText,
  text,
  time,
  unix,
} from './input';

const LIMITS = ['max_locations', 'max_users', 'max_campaigns', 'sms_allowance'] as const;

/** Refuses what Plaudit cannot do for a client account here: deactivate it, or cap it. */
function refuseUnsupported(params: Params): void {
  if (bool(params, 'active') === false) {
    throw unsupported(
      'active',
      'Plaudit cannot make a client account inactive here: delete it, or revoke its API keys to stop its integrations',
    );
  }
  for (const name of LIMITS) {
    if (params[name] !== undefined && params[name] !== null && params[name] !== '') {
      throw unsupported(name, `Plaudit sets no ${name} on a client account: every account is unlimited`);
    }
  }
  if (params.account_template !== undefined && params.account_template !== null) {
    throw unsupported(
      'account_template',
      'Plaudit has no account templates: create the account, then its locations',
    );
  }
}

const adminOnly: MiddlewareHandler<FapiEnv> = async (c, next) => {
  if (!c.get('auth').isAdmin) {
    throw new FapiError(
      401,
      'authentication_error',
      'Client accounts need the Plaudit admin key; this key belongs to one account',
    );
  }
  await next();
};

/** `/accounts`: FeedbackAPI client accounts are Plaudit organizations, managed with the admin key only. */
export function accountRoutes(deps: AppDeps) {
  const app = new Hono<FapiEnv>();

  app.use('/accounts', adminOnly);
  app.use('/accounts/*', adminOnly);

  const present = (organization: Organization) => {
    const counts = accountCounts(deps.db, organization.id);
    return {
      id: organization.id,
      created: unix(organization.createdAt),
      name: organization.name,
      active: true,
      max_locations: null,
      max_users: null,
      max_campaigns: null,
      sms_allowance: null,
      active_locations: counts.businesses,
      active_users: counts.members,
    };
  };

  app.get('/accounts', (c) => {
    const params = queryParams(c);
    onlyKnown(params, [...LIST_PARAMS, 'created_before', 'created_after', 'name', 'active']);
    const window = listWindow(params, ['created', 'name'], 'created-desc');
    const after = time(params, 'created_after');
    const before = time(params, 'created_before');
    const name = text(params, 'name')?.toLowerCase();
    const active = bool(params, 'active');
    // Organizations are few on one instance: read whole, filtered and ordered here.
    const { items } = listOrganizations(deps.db, { limit: 100_000, offset: 0 });
    const matching = items.filter(
      (o) =>
        (!after || o.createdAt >= after) &&
        (!before || o.createdAt < before) &&
        (!name || o.name.toLowerCase().includes(name)) &&
        active !== false,
    );
    const key = (o: Organization) => (window.sortField === 'name' ? o.name.toLowerCase() : o.createdAt);
    matching.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1));
    if (!window.ascending) matching.reverse();
    const page = matching.slice(window.offset, window.offset + window.limit);
    return c.json(listBody(page.map(present), matching.length, window));
  });

  app.post('/accounts', async (c) => {
    const params = await bodyParams(c);
    onlyKnown(params, ['name', 'active', 'verb', 'account_template', ...LIMITS]);
    const name = requiredText(params, 'name');
    if (bool(params, 'active') === undefined) throw badParam('active', 'Missing required param: active');
    const verb = requiredText(params, 'verb', 10);
    if (verb !== 'use' && verb !== 'visit') throw badParam('verb', 'verb must be use or visit');
    refuseUnsupported(params);
    return c.json(present(createOrganization(deps.db, deps.clock, { name })));
  });

  app.get('/accounts/:id', (c) => {
    const organization = getOrganization(deps.db, c.req.param('id'));
    if (!organization) throw notFoundError('account');
    return c.json(present(organization));
  });

  app.post('/accounts/:id', async (c) => {
    const id = c.req.param('id');
    if (!getOrganization(deps.db, id)) throw notFoundError('account');
    const params = await bodyParams(c);
    onlyKnown(params, ['name', 'active', ...LIMITS]);
    if (params.name !== undefined) requiredText(params, 'name');
    refuseUnsupported(params);
    const name = text(params, 'name');
    const organization = name
      ? updateOrganization(deps.db, deps.clock, id, { name })
      : getOrganization(deps.db, id);
    if (!organization) throw notFoundError('account');
    return c.json(present(organization));
  });

  app.delete('/accounts/:id', (c) => {
    const id = c.req.param('id');
    if (!deleteOrganization(deps.db, id)) throw notFoundError('account');
    return c.json({ id, deleted: true });
  });

  return app;
}
