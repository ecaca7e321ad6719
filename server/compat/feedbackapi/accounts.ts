import { Hono, type MiddlewareHandler } from 'hono';
import type { AppDeps } from '../../http/context';
import { accountCounts } from '../../store/account-counts';
import { getOrganizationLimits, setOrganizationLimits } from '../../store/organization-limits';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  type Organization,
  setOrganizationPaused,
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
  num,
  onlyKnown,
  type Params,
  queryParams,
  requiredText,
  text,
  time,
  unix,
} from './input';

/** Caps Plaudit has no counterpart for: only "unlimited" (null or empty) is accepted. */
const NO_CAP = ['max_users', 'max_campaigns'] as const;
const LIMITS = ['max_locations', 'sms_allowance', ...NO_CAP] as const;

/** A nullable cap: undefined when absent (unchanged), null when null/empty (unlimited). */
function capIn(params: Params, name: string): number | null | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === null || value === '' || value === 'null') return null;
  return num(params, name, 0, 100_000_000, true);
}

/**
 * The account's limits and state as Plaudit's own: max_locations is the organization's business cap,
 * sms_allowance its monthly text-message allowance, active its pause. Validates everything before it is used.
 */
function accountInput(params: Params) {
  for (const name of NO_CAP) {
    if (capIn(params, name) !== undefined && capIn(params, name) !== null) {
      throw unsupported(
        name,
        `Plaudit sets no ${name} on a client account (only null, unlimited): it caps active locations (max_locations) and monthly text messages (sms_allowance)`,
      );
    }
  }
  if (params.account_template !== undefined && params.account_template !== null) {
    throw unsupported(
      'account_template',
      'Plaudit has no account templates: create the account, then its locations',
    );
  }
  return {
    active: bool(params, 'active'),
    maxLocations: capIn(params, 'max_locations'),
    smsAllowance: capIn(params, 'sms_allowance'),
  };
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

  /** Writes the account's limits and active state onto the organization's own (one transaction with the caller). */
  const apply = (id: string, input: ReturnType<typeof accountInput>) => {
    const limits = getOrganizationLimits(deps.db, id);
    if (!limits) return;
    if (input.maxLocations !== undefined || input.smsAllowance !== undefined) {
      setOrganizationLimits(deps.db, deps.clock, id, {
        smsPerMonth: input.smsAllowance === undefined ? limits.smsPerMonth : input.smsAllowance,
        emailPerMonth: limits.emailPerMonth,
        businesses: input.maxLocations,
      });
    }
    if (input.active !== undefined) setOrganizationPaused(deps.db, deps.clock, id, !input.active);
  };

  app.use('/accounts', adminOnly);
  app.use('/accounts/*', adminOnly);

  const present = (organization: Organization) => {
    const counts = accountCounts(deps.db, organization.id);
    const limits = getOrganizationLimits(deps.db, organization.id);
    return {
      id: organization.id,
      created: unix(organization.createdAt),
      name: organization.name,
      active: organization.pausedAt === null,
      max_locations: limits?.businesses ?? null,
      max_users: null,
      max_campaigns: null,
      sms_allowance: limits?.smsPerMonth ?? null,
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
        (active === undefined || active === (o.pausedAt === null)),
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
    const input = accountInput(params);
    const organization = deps.db.transaction(() => {
      const created = createOrganization(deps.db, deps.clock, { name });
      apply(created.id, input);
      return getOrganization(deps.db, created.id)!;
    })();
    return c.json(present(organization));
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
    const input = accountInput(params);
    const name = text(params, 'name');
    const organization = deps.db.transaction(() => {
      if (name) updateOrganization(deps.db, deps.clock, id, { name });
      apply(id, input);
      return getOrganization(deps.db, id);
    })();
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
