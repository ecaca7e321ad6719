import { Hono } from 'hono';
import { z } from 'zod';
import { hashFor } from '../../api/auth-common';
import { createBusinessBody } from '../../api/business-schemas';
import { createBusinessFor } from '../../api/business-writes';
import { usageOf } from '../../api/usage-allowance';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../domain/passwords';
import type { AppDeps } from '../../http/context';
import { upsertMembership } from '../../store/memberships';
import { getOrganizationLimits, setOrganizationLimits } from '../../store/organization-limits';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  setOrganizationPaused,
} from '../../store/organizations';
import { organizationIdOfRowNumber } from '../../store/row-numbers';
import { createUser, findUserByEmail } from '../../store/users';
import type { EmrEnv } from './auth';
import { PLAUDIT_PLAN, presentCustomer } from './customers-view';
import { EmrError, invalidField } from './errors';
import { bodyOf, boolField, intField, pageOf, parse, requireFields, textField } from './input';
import { integerOf } from './lookups';
import { PER_PAGE, paginatedEnvelope } from './pagination';
import { productTime } from './presenters';

const planField = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z.literal(String(PLAUDIT_PLAN.id), {
    message: 'is invalid: Plaudit has one plan, id 1 (GET /custom-plans)',
  }),
);

const customerBody = z.object({
  name: textField(200).min(1),
  company: textField(200).min(1),
  email: z.email({ message: 'must be a valid email address' }),
  password: z
    .string()
    .min(PASSWORD_MIN, { message: `must be at least ${PASSWORD_MIN} characters (Plaudit's rule)` })
    .max(PASSWORD_MAX),
  custom_plan_id: planField,
  phone: z.string().trim().optional(),
  location_limit: intField(1).optional(),
  member_limit: intField(0).optional(),
  send_invite: boolField.optional(),
  country: z.string().trim().length(2, { message: 'must be an ISO 3166-1 alpha-2 code' }).optional(),
  postal_code: z.string().optional(),
});

const creditsBody = z.object({
  type: z.enum(['email', 'sms'], { message: 'must be email or sms' }),
  credits: intField(1, 100_000_000),
  expires_at: z.string().optional(),
  notes: z.string().max(1000).optional(),
});

/** Plaudit caps a client's active locations and its messages per month; it has no cap on team members. */
const noMemberLimit = () =>
  invalidField(
    'member_limit',
    "Plaudit does not cap a client's team members; it caps active locations (PUT …/location-limit) and messages per month (POST …/add-credits, or PUT /api/v1/organizations/{id}/limits).",
  );

/** Sets the organization's native business cap, keeping its monthly allowances. */
function setLocationLimit(deps: AppDeps, organizationId: string, limit: number): void {
  const limits = getOrganizationLimits(deps.db, organizationId);
  if (!limits) return;
  setOrganizationLimits(deps.db, deps.clock, organizationId, {
    smsPerMonth: limits.smsPerMonth,
    emailPerMonth: limits.emailPerMonth,
    businesses: limit,
  });
}

/** `/customers`: client accounts are Plaudit organizations, managed with the admin key. */
export function agencyCustomersRoutes(deps: AppDeps) {
  const app = new Hono<EmrEnv>();
  const customerOf = (value: string | undefined) => {
    const id = organizationIdOfRowNumber(deps.db, integerOf(value) ?? 0);
    const organization = id ? getOrganization(deps.db, id) : undefined;
    if (!organization) throw new EmrError(404, 'Customer not found.');
    return organization;
  };

  app.get('/customers', (c) => {
    const page = pageOf(c);
    const search = c.req.query('search')?.trim().toLowerCase();
    const all = listOrganizations(deps.db, { limit: 100_000, offset: 0 }).items.map((o) =>
      presentCustomer(deps, o),
    );
    const found = search
      ? all.filter((customer) => `${customer.name} ${customer.email ?? ''}`.toLowerCase().includes(search))
      : all;
    const items = found.slice((page - 1) * PER_PAGE, page * PER_PAGE);
    return c.json(paginatedEnvelope(c, deps.config.publicUrl, items, found.length, page), 200);
  });

  app.post('/customers', async (c) => {
    const body = await bodyOf(c);
    requireFields(body, ['name', 'company', 'email', 'password', 'custom_plan_id']);
    const input = parse(customerBody, body);
    if (input.member_limit !== undefined && input.member_limit !== 0) throw noMemberLimit();
    if (input.send_invite) {
      throw invalidField(
        'send_invite',
        'Plaudit never emails passwords: give the customer their login, or invite them by email with POST /api/v1/auth/invitations.',
      );
    }
    if (findUserByEmail(deps.db, input.email))
      throw invalidField('email', 'The email has already been taken.');
    const business = createBusinessBody.safeParse({
      name: input.company,
      phone: input.phone,
      country: input.country,
    });
    if (!business.success) {
      const issue = business.error.issues[0];
      throw invalidField(
        String(issue?.path[0] ?? 'company'),
        `The ${String(issue?.path[0])} field ${issue?.message}.`,
      );
    }
    const passwordHash = await hashFor(deps, input.password);
    const organization = deps.db.transaction(() => {
      const created = createOrganization(deps.db, deps.clock, { name: input.company });
      const user = createUser(deps.db, deps.clock, { email: input.email, name: input.name, passwordHash });
      upsertMembership(deps.db, deps.clock, user.id, created.id, 'owner');
      createBusinessFor(deps, created.id, business.data);
      if (input.location_limit !== undefined) setLocationLimit(deps, created.id, input.location_limit);
      return created;
    })();
    return c.json({ data: presentCustomer(deps, organization) }, 200);
  });

  app.put('/customers/:customer', async (c) => {
    const organization = customerOf(c.req.param('customer'));
    const body = await bodyOf(c);
    requireFields(body, ['custom_plan_id']);
    parse(z.object({ custom_plan_id: planField }), body);
    return c.json({ data: presentCustomer(deps, organization) }, 200);
  });

  app.put('/customers/:customer/location-limit', async (c) => {
    const organization = customerOf(c.req.param('customer'));
    const body = await bodyOf(c);
    requireFields(body, ['location_limit']);
    const input = parse(z.object({ location_limit: intField(1, 100_000) }), body);
    setLocationLimit(deps, organization.id, input.location_limit);
    return c.json({ message: 'Location limit updated successfully.' }, 200);
  });

  app.put('/customers/:customer/member-limit', async (c) => {
    customerOf(c.req.param('customer'));
    const body = await bodyOf(c);
    requireFields(body, ['member_limit']);
    const input = parse(z.object({ member_limit: intField(0) }), body);
    // 0 is EmbedMyReviews' "unlimited": what Plaudit does already.
    if (input.member_limit !== 0) throw noMemberLimit();
    return c.json({ message: 'Member limit updated successfully.' }, 200);
  });

  // Credits map onto the account's monthly allowance of that channel (compat-cloutly's limits): adding N
  // raises this period's allowance by N; `balance` is what is left of it.
  app.post('/customers/:customer/add-credits', async (c) => {
    const organization = customerOf(c.req.param('customer'));
    const body = await bodyOf(c);
    requireFields(body, ['type', 'credits']);
    const input = parse(creditsBody, body);
    if (input.expires_at !== undefined) {
      throw invalidField(
        'expires_at',
        'Plaudit allowances renew monthly; credits cannot expire on a date of their own.',
      );
    }
    const limits = getOrganizationLimits(deps.db, organization.id)!;
    const key = input.type === 'email' ? 'emailPerMonth' : 'smsPerMonth';
    if (limits[key] === null) {
      throw invalidField(
        'type',
        `This account's ${input.type} messages are unlimited; set a monthly allowance first (PUT /api/v1/organizations/{id}/limits).`,
      );
    }
    setOrganizationLimits(deps.db, deps.clock, organization.id, {
      smsPerMonth: limits.smsPerMonth,
      emailPerMonth: limits.emailPerMonth,
      [key]: (limits[key] ?? 0) + input.credits,
    });
    const usage = usageOf(deps, organization.id)!;
    return c.json({ message: 'Credits added successfully.', balance: usage[input.type].left ?? 0 }, 200);
  });

  for (const action of ['pause', 'resume'] as const) {
    app.put(`/customers/:customer/${action}`, (c) => {
      const organization = customerOf(c.req.param('customer'));
      setOrganizationPaused(deps.db, deps.clock, organization.id, action === 'pause');
      return c.json({ message: `Subscription has been ${action === 'pause' ? 'paused' : 'resumed'}.` }, 200);
    });
  }

  app.delete('/customers/:customer', (c) => {
    const organization = customerOf(c.req.param('customer'));
    deleteOrganization(deps.db, organization.id);
    return c.json({ message: 'Customer deleted successfully.' }, 200);
  });

  app.get('/custom-plans', (c) => {
    const since = productTime(
      listOrganizations(deps.db, { limit: 1, offset: 0 }).items[0]?.createdAt ?? null,
    );
    return c.json(
      {
        data: [
          {
            ...PLAUDIT_PLAN,
            stripe_monthly_id: '',
            stripe_yearly_id: '',
            is_default: true,
            is_hidden: false,
            is_free: true,
            updated_at: since,
            created_at: since,
          },
        ],
      },
      200,
    );
  });

  return app;
}
